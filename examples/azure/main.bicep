// Confide on Azure: the resources of the `azure` profile sized for one clinic, one user-assigned
// identity with least-privilege roles, and the API and the workers as two separately scaled
// Azure Container Apps — the API on HTTP load, the workers on the BullMQ queue length (KEDA's
// redis scaler).
//
// UNTESTED: written without an Azure subscription (nothing here could be deployed from the
// machines where Confide is developed). The Confide processes and their variables are the ones
// test/e2e/azure-profile.test.ts runs against local stand-ins; the resource types, SKUs and
// role ids are Azure's documented ones. Review before use, e.g.:
//
//   az group create -n confide -l westeurope
//   az deployment group create -g confide -f examples/azure/main.bicep \
//     -p image=<registry>/confide:<tag> fcmServiceAccountJson=@firebase-service-account.json
//   # then once per release, with an identity allowed to create the database and containers
//   # (control plane, e.g. your own `az login` as Owner): CONFIDE_PROFILE=azure … confide migrate
//
// The image is Confide built with its dependencies (`npm ci --omit=dev`, `npm run build`) and the
// entry point `node --max-semi-space-size=4 packages/http/dist/cli.js`.

@description('Azure region of every resource.')
param location string = resourceGroup().location

@description('Prefix of resource names (lower-case letters and digits, 3–11 characters).')
@minLength(3)
@maxLength(11)
param prefix string = 'confide'

@description('The Confide container image.')
param image string

@description('Firebase service-account JSON for push notifications (CONFIDE_PUSH=fcm).')
@secure()
param fcmServiceAccountJson string

@description('HS256 secret of access tokens, at least 32 characters.')
@secure()
param jwtSecret string = '${uniqueString(resourceGroup().id, 'jwt')}${uniqueString(subscription().id, 'jwt')}${newGuid()}'

@description('Most worker replicas KEDA may run.')
param maxWorkers int = 5

var suffix = uniqueString(resourceGroup().id)
var containerName = 'confide-recordings'
var databaseName = 'confide'
var queuePrefix = 'confide'

// ---------------------------------------------------------------- identity

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${prefix}-app'
  location: location
}

// ---------------------------------------------------------------- Blob Storage (recordings)

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: '${prefix}${suffix}'
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' } // Standard_LRS where the region has no zones
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false // Entra ID only: URLs are user-delegation SAS
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource recordings 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: containerName
  properties: { publicAccess: 'None' }
}

// ---------------------------------------------------------------- Cosmos DB (sessions, accounts, audit)

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: '${prefix}-${suffix}'
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [{ locationName: location, failoverPriority: 0 }]
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    // Serverless fits a clinic's load (pay per request); use autoscale throughput instead for
    // steady heavy use or more than one region.
    capabilities: [{ name: 'EnableServerless' }]
    disableLocalAuth: true // Entra ID only (data-plane RBAC); no account keys
    minimalTlsVersion: 'Tls12'
  }
}

resource cosmosDatabase 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-05-15' = {
  parent: cosmos
  name: databaseName
  properties: { resource: { id: databaseName } }
}

// ---------------------------------------------------------------- Speech and Language

resource speech 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: '${prefix}-speech-${suffix}'
  location: location
  kind: 'SpeechServices'
  sku: { name: 'S0' } // batch transcription is not offered on F0
  properties: {
    customSubDomainName: '${prefix}-speech-${suffix}' // Entra ID needs the custom-domain endpoint
    disableLocalAuth: true
  }
}

resource language 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: '${prefix}-language-${suffix}'
  location: location
  kind: 'TextAnalytics'
  sku: { name: 'S' }
  properties: {
    customSubDomainName: '${prefix}-language-${suffix}'
    disableLocalAuth: true
  }
}

// ---------------------------------------------------------------- Redis (BullMQ, limits, session events)

resource redis 'Microsoft.Cache/redis@2024-03-01' = {
  name: '${prefix}-${suffix}'
  location: location
  properties: {
    sku: { name: 'Standard', family: 'C', capacity: 1 } // replicated; Basic C0 for a trial only
    enableNonSslPort: false
    minimumTlsVersion: '1.2'
    redisConfiguration: { 'maxmemory-policy': 'noeviction' } // BullMQ must never lose keys
  }
}

var redisUrl = 'rediss://:${redis.listKeys().primaryKey}@${redis.properties.hostName}:6380'

// ---------------------------------------------------------------- role assignments (least privilege)

var roles = {
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageBlobDelegator: 'db58b8e5-c6ad-4a2a-8342-4190687cbf4a'
  // Batch transcription create/read/delete; Cognitive Services Speech Contributor (0e75ca1e-…) if refused.
  cognitiveServicesSpeechUser: 'f2dc8367-1007-4938-bd23-fe263f013447'
  // Prebuilt features (sentiment) without the keys Cognitive Services User could list.
  cognitiveServicesLanguageReader: '7628b7b8-a8b2-4cdc-b46f-e9b35248918e'
}

// Read, write and delete blobs of the recordings container only.
resource blobData 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: recordings
  name: guid(recordings.id, identity.id, roles.storageBlobDataContributor)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
  }
}

// User delegation keys, to sign the blob URLs the Speech service reads (account scope: the only one it has).
resource blobDelegator 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, identity.id, roles.storageBlobDelegator)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDelegator)
  }
}

// Cosmos DB Built-in Data Contributor (data plane: items only, no databases or containers), on the one database.
resource cosmosData 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = {
  parent: cosmos
  name: guid(cosmosDatabase.id, identity.id, 'data-contributor')
  properties: {
    principalId: identity.properties.principalId
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/00000000-0000-0000-0000-000000000002'
    scope: '${cosmos.id}/dbs/${databaseName}'
  }
}

resource speechUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: speech
  name: guid(speech.id, identity.id, roles.cognitiveServicesSpeechUser)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.cognitiveServicesSpeechUser)
  }
}

resource languageUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: language
  name: guid(language.id, identity.id, roles.cognitiveServicesLanguageReader)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.cognitiveServicesLanguageReader)
  }
}

// ---------------------------------------------------------------- Container Apps: API and workers

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${prefix}-logs-${suffix}'
  location: location
  properties: { sku: { name: 'PerGB2018' }, retentionInDays: 30 }
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${prefix}-env'
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: { customerId: logs.properties.customerId, sharedKey: logs.listKeys().primarySharedKey }
    }
  }
}

var secrets = [
  { name: 'jwt-secret', value: jwtSecret }
  { name: 'redis-url', value: redisUrl }
  { name: 'redis-password', value: redis.listKeys().primaryKey }
  { name: 'fcm-service-account', value: fcmServiceAccountJson }
]

var confideEnv = [
  { name: 'CONFIDE_PROFILE', value: 'azure' }
  { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId } // DefaultAzureCredential picks this identity
  { name: 'CONFIDE_AZURE_STORAGE_ACCOUNT_URL', value: storage.properties.primaryEndpoints.blob }
  { name: 'CONFIDE_AZURE_STORAGE_CONTAINER', value: containerName }
  { name: 'CONFIDE_COSMOS_ENDPOINT', value: cosmos.properties.documentEndpoint }
  { name: 'CONFIDE_COSMOS_DATABASE', value: databaseName }
  { name: 'CONFIDE_AZURE_SPEECH_ENDPOINT', value: speech.properties.endpoint }
  { name: 'CONFIDE_AZURE_LANGUAGE_ENDPOINT', value: language.properties.endpoint }
  { name: 'CONFIDE_REDIS_URL', secretRef: 'redis-url' }
  { name: 'CONFIDE_QUEUE_PREFIX', value: queuePrefix }
  { name: 'CONFIDE_JWT_SECRET', secretRef: 'jwt-secret' }
  { name: 'CONFIDE_FCM_SERVICE_ACCOUNT_FILE', value: '/secrets/fcm-service-account' }
  { name: 'CONFIDE_HOST', value: '0.0.0.0' }
  { name: 'CONFIDE_PORT', value: '8080' }
  { name: 'CONFIDE_TRUST_PROXY', value: '1' } // the Container Apps ingress
]

var secretVolume = [{ name: 'secrets', storageType: 'Secret', secrets: [{ secretRef: 'fcm-service-account', path: 'fcm-service-account' }] }]
var secretMount = [{ volumeName: 'secrets', mountPath: '/secrets' }]

resource api 'Microsoft.App/containerApps@2024-03-01' = {
  name: '${prefix}-api'
  location: location
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${identity.id}': {} } }
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      secrets: secrets
      ingress: { external: true, targetPort: 8080, transport: 'http' }
    }
    template: {
      containers: [
        {
          name: 'api'
          image: image
          args: ['serve']
          env: confideEnv
          resources: { cpu: json('1.0'), memory: '2Gi' }
          volumeMounts: secretMount
          probes: [
            { type: 'Liveness', httpGet: { path: '/healthz', port: 8080 } }
            { type: 'Readiness', httpGet: { path: '/readyz', port: 8080 }, periodSeconds: 10 }
          ]
        }
      ]
      volumes: secretVolume
      // Stateless: scale on concurrent requests.
      scale: {
        minReplicas: 1
        maxReplicas: 4
        rules: [{ name: 'http', http: { metadata: { concurrentRequests: '50' } } }]
      }
    }
  }
}

resource worker 'Microsoft.App/containerApps@2024-03-01' = {
  name: '${prefix}-worker'
  location: location
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${identity.id}': {} } }
  properties: {
    managedEnvironmentId: environment.id
    configuration: { secrets: secrets } // no ingress: workers take jobs from Redis
    template: {
      containers: [
        {
          name: 'worker'
          image: image
          args: ['worker']
          env: concat(confideEnv, [{ name: 'CONFIDE_WORKER_CONCURRENCY', value: '2' }])
          resources: { cpu: json('1.0'), memory: '2Gi' }
          volumeMounts: secretMount
        }
      ]
      volumes: secretVolume
      scale: {
        // One worker always runs: it moves due poll jobs (cloud transcriptions are polled by
        // delayed jobs, which KEDA's list length does not see) and runs the recovery sweep.
        minReplicas: 1
        maxReplicas: maxWorkers
        rules: [
          {
            // KEDA redis scaler on BullMQ's waiting list `<prefix>:<queue>:wait` (queue "jobs"):
            // one more replica per 4 waiting jobs (2 per replica at CONFIDE_WORKER_CONCURRENCY=2, twice over).
            name: 'bullmq-waiting'
            custom: {
              type: 'redis'
              metadata: {
                address: '${redis.properties.hostName}:6380'
                enableTLS: 'true'
                listName: '${queuePrefix}:jobs:wait'
                listLength: '4'
              }
              auth: [{ secretRef: 'redis-password', triggerParameter: 'password' }]
            }
          }
        ]
      }
    }
  }
}

output apiUrl string = 'https://${api.properties.configuration.ingress.fqdn}'
output migrateEnvironment object = {
  CONFIDE_PROFILE: 'azure'
  CONFIDE_COSMOS_ENDPOINT: cosmos.properties.documentEndpoint
  CONFIDE_COSMOS_DATABASE: databaseName
  note: 'confide migrate creates the containers: run it as an identity with a control-plane role on the account (e.g. DocumentDB Account Contributor), since data-plane RBAC cannot create containers'
}
