/** The staging container's default name (settings.ts names it without loading the Blob SDK). */
export const defaultStagingContainer = "confide-speech-staging";
