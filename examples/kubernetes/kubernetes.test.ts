/**
 * The Kubernetes example builds and every object it makes is valid against the Kubernetes (and
 * KEDA, and Prometheus Operator) schemas: `kubectl kustomize` renders each overlay as `kubectl apply -k` would, and the
 * `kubernetes-models` packages' validators (generated from the Kubernetes OpenAPI schemas, and
 * from KEDA's and the Prometheus Operator's CRDs) check each object's fields, types, required fields and enums. No cluster runs
 * here: nothing was deployed (README.md).
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const overlays = ["base", "overlays/production", "overlays/keda", "overlays/monitoring"];

interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

async function render(path: string): Promise<KubernetesObject[]> {
  const { stdout } = await promisify(execFile)("kubectl", ["kustomize", join(here, path)]).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") throw new Error("kubectl (≥ 1.27, with kustomize built in) is needed to build the Kubernetes example: https://kubernetes.io/docs/tasks/tools/");
    throw error;
  });
  return parseAllDocuments(stdout).map((document) => document.toJS() as KubernetesObject);
}

/** The generated model class of an object's apiVersion and kind, from the package that has it. */
async function modelOf(object: Pick<KubernetesObject, "apiVersion" | "kind">): Promise<new (data: unknown) => { validate(): void }> {
  const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : [undefined, object.apiVersion];
  const module: Record<string, unknown> = group?.endsWith("keda.sh")
    ? await import(`@kubernetes-models/keda/${group}/${version}`)
    : group === "monitoring.coreos.com"
      ? await import(`@kubernetes-models/prometheus-operator/${group}/${version}`)
      : await import(group === undefined ? `kubernetes-models/${version}` : `kubernetes-models/${group}/${version}`);
  const model = module[object.kind];
  if (typeof model !== "function") throw new Error(`no schema for ${object.apiVersion} ${object.kind}`);
  return model as new (data: unknown) => { validate(): void };
}

async function validate(object: KubernetesObject): Promise<void> {
  const Model = await modelOf(object);
  new Model(object).validate();
}

describe("examples/kubernetes", () => {
  it.each(overlays)("%s builds and every object is valid against its schema", async (path) => {
    const objects = await render(path);
    expect(objects.length).toBeGreaterThan(10);
    for (const object of objects) {
      await expect(validate(object), `${object.kind} ${object.metadata.name}`).resolves.toBeUndefined();
    }
  }, 60_000);

  it("the validator refuses what the API server refuses: a wrong type, a missing required field", async () => {
    const [deployment] = (await render("base")).filter((object) => object.kind === "Deployment");
    const wrongType = structuredClone(deployment!);
    (wrongType.spec as { replicas: unknown }).replicas = "two";
    await expect(validate(wrongType)).rejects.toThrow(/replicas must be integer/);
    const noName = structuredClone(deployment!);
    delete (noName.spec as { template: { spec: { containers: Array<{ name?: string }> } } }).template.spec.containers[0]!.name;
    await expect(validate(noName)).rejects.toThrow(/name/);
  }, 60_000);

  it("the production overlay runs every pod as non-root with a read-only root filesystem, probes and limits", async () => {
    const objects = await render("overlays/production");
    const workloads = objects.filter((object) => object.kind === "Deployment" || object.kind === "Job");
    expect(workloads.map((object) => object.metadata.name).sort()).toEqual(["confide-api", "confide-migrate", "confide-worker"]);
    for (const workload of workloads) {
      const pod = (workload.spec as { template: { spec: PodSpec } }).template.spec;
      expect(pod.securityContext?.runAsNonRoot, workload.metadata.name).toBe(true);
      expect(pod.automountServiceAccountToken, workload.metadata.name).toBe(false);
      for (const container of pod.containers) {
        expect(container.securityContext, workload.metadata.name).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } });
        expect(container.resources?.requests, workload.metadata.name).toBeDefined();
        expect(container.resources?.limits?.memory, workload.metadata.name).toBeDefined();
        expect(container.volumeMounts?.some((mount) => mount.mountPath === "/tmp"), `${workload.metadata.name}: a writable /tmp`).toBe(true);
      }
      expect(workload.metadata.namespace).toBe("confide");
    }
    const api = workloads.find((object) => object.metadata.name === "confide-api")!;
    const [apiContainer] = (api.spec as { template: { spec: PodSpec } }).template.spec.containers;
    expect(apiContainer!.readinessProbe?.httpGet?.path).toBe("/readyz");
    expect(apiContainer!.livenessProbe?.httpGet?.path).toBe("/healthz");
    expect(objects.filter((object) => object.kind === "PodDisruptionBudget")).toHaveLength(2);
    expect(objects.some((object) => object.kind === "NetworkPolicy" && object.metadata.name === "confide-default-deny")).toBe(true);
    // Every pod is selected by the default-deny policy: its label is on the pod templates.
    for (const workload of workloads) {
      const labels = (workload.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels;
      expect(labels["app.kubernetes.io/part-of"], workload.metadata.name).toBe("confide");
    }
  }, 60_000);

  it("the monitoring overlay serves /metrics where its PodMonitor scrapes and its NetworkPolicy admits Prometheus", async () => {
    const objects = await render("overlays/monitoring");
    const config = objects.find((object) => object.kind === "ConfigMap" && object.metadata.name === "confide-config") as KubernetesObject & { data: Record<string, string> };
    const metricsPort = Number(config.data.CONFIDE_METRICS_PORT);
    expect(metricsPort).toBeGreaterThan(0);
    expect(config.data.CONFIDE_METRICS_HOST, "a scraper in another pod needs all interfaces").toBe("0.0.0.0");
    const monitor = objects.find((object) => object.kind === "PodMonitor") as KubernetesObject & {
      spec: { selector: { matchExpressions: Array<{ key: string; values: string[] }> }; podMetricsEndpoints: Array<{ port: string; path: string }> };
    };
    expect(monitor.metadata.namespace).toBe("confide");
    const [endpoint] = monitor.spec.podMetricsEndpoints;
    expect(endpoint?.path).toBe("/metrics");
    const selected = monitor.spec.selector.matchExpressions.find((expression) => expression.key === "app.kubernetes.io/name")!.values;
    // Every pod the PodMonitor selects names the port it scrapes, on the port Confide listens on, and still reads the ConfigMap.
    for (const name of ["confide-api", "confide-worker"]) {
      const deployment = objects.find((object) => object.kind === "Deployment" && object.metadata.name === name)!;
      const template = (deployment.spec as { template: { metadata: { labels: Record<string, string> }; spec: PodSpec } }).template;
      expect(selected, name).toContain(template.metadata.labels["app.kubernetes.io/name"]);
      const [container] = template.spec.containers;
      expect(container!.ports, name).toContainEqual({ name: endpoint!.port, containerPort: metricsPort });
      expect(container!.envFrom, name).toContainEqual({ configMapRef: { name: "confide-config" } });
    }
    const admitted = objects.find((object) => object.kind === "NetworkPolicy" && object.metadata.name === "confide-metrics-ingress") as KubernetesObject & {
      spec: { ingress: Array<{ ports: Array<{ port: number }> }> };
    };
    expect(admitted.spec.ingress.flatMap((rule) => rule.ports.map((port) => port.port))).toEqual([metricsPort]);
    expect(objects.some((object) => object.kind === "PrometheusRule" && object.metadata.namespace === "confide")).toBe(true);
  }, 60_000);
});

interface PodSpec {
  automountServiceAccountToken?: boolean;
  securityContext?: { runAsNonRoot?: boolean };
  containers: Array<{
    ports?: Array<{ name?: string; containerPort: number }>;
    envFrom?: unknown[];
    securityContext?: unknown;
    resources?: { requests?: unknown; limits?: { memory?: string } };
    volumeMounts?: Array<{ mountPath: string }>;
    readinessProbe?: { httpGet?: { path: string } };
    livenessProbe?: { httpGet?: { path: string } };
  }>;
}
