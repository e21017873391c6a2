export type DevicePlatform = "android" | "ios" | "web";

/** A phone or browser that receives push notifications for a user. */
export interface Device {
  id: string;
  userId: string;
  /** Push token issued by FCM/APNs; unique across users. */
  token: string;
  platform: DevicePlatform;
  createdAt: Date;
  lastSeenAt: Date;
}
