/** The REST API version every request names. */
export const speechApiVersion = "2024-11-15";
/** The Microsoft Entra ID scope of Azure AI services (Cognitive Services). */
export const cognitiveServicesScope = "https://cognitiveservices.azure.com/.default";
