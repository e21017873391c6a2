/**
 * `@confide/adapters-local/platform`: what a host needs besides adapters, built on the same local
 * parts as the providers — the backup archive and its keyring (the archive's blobs are sealed by
 * the filesystem store's blob encryption, `DataKeyring`), the data directory's lock and
 * owner-only modes, and the streaming PCM decoder (ffmpeg) that live sessions' WebM audio goes
 * through, and the ffmpeg probe that times every uploaded recording. No provider's descriptor or factory is here.
 */
export { ownerOnlyFileMode, ownerOnlyFolderMode, restrictToOwner } from "./files/owner-only-modes.ts";
export { createFfmpegAudioProbe } from "./ffmpeg/ffmpeg-audio-probe.ts";
export { startStreamingPcmDecoder, type StreamingPcmDecoder, type StreamingPcmDecoderOptions } from "./ffmpeg/streaming-pcm-decoder.ts";
export {
  blobFrameBytes,
  backupUnreadable,
  createBackupArchiveWriter,
  readBackupArchive,
  readManifest,
  type BackupArchiveWriter,
  type BackupEntry,
  type BackupEntryHeader,
  type BackupManifest,
} from "./backup/backup-archive.ts";
export { backupKeyring } from "./backup/backup-keyring.ts";
export type { DataKey, DataKeyring } from "./filesystem/blob-encryption.ts";
export { lockDirectory, type DirectoryLock } from "./files/directory-lock.ts";
