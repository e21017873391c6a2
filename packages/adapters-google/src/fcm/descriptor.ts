import type { AdapterDescriptor, PushNotifier } from "@confide/core/ports";
import { fcmSettings, type FcmSettings } from "./settings.ts";

/** Push notifications through Firebase Cloud Messaging (`CONFIDE_PUSH=fcm`). */
export const fcmDescriptor = {
  port: "push",
  name: "fcm",
  settings: fcmSettings,
  async create(settings) {
    const { createFcmPushNotifier } = await import("./fcm-push-notifier.ts");
    // HTTP/1.1: the transport exercised against the fake FCM server in the adapter tests.
    return createFcmPushNotifier({ ...settings, transport: settings.transport ?? "http1" });
  },
} satisfies AdapterDescriptor<PushNotifier, FcmSettings>;
