import type { AdapterDescriptor, PushNotifier } from "@confide/core/ports";
import { fcmSettings, type FcmVariables } from "./settings.ts";

/** Push notifications through Firebase Cloud Messaging (`CONFIDE_PUSH=fcm`). */
export const fcmDescriptor = {
  port: "push",
  name: "fcm",
  settings: fcmSettings,
  async create(settings) {
    const { createFcmPushNotifier } = await import("./fcm-push-notifier.ts");
    // HTTP/1.1: the transport exercised against the fake FCM server in the adapter tests.
    return createFcmPushNotifier({ serviceAccount: settings.CONFIDE_FCM_SERVICE_ACCOUNT_FILE, transport: "http1" });
  },
} satisfies AdapterDescriptor<PushNotifier, FcmVariables>;
