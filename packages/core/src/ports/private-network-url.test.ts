import { describe, expect, it } from "vitest";
import { isPrivateNetworkUrl } from "./private-network-url.ts";

describe("isPrivateNetworkUrl", () => {
  it("counts this machine and private networks as inside the deployment", () => {
    for (const url of [
      "http://localhost:8000",
      "http://127.0.0.1:9000/v1",
      "http://[::1]:8000",
      "http://10.1.2.3",
      "http://172.20.0.5:8080",
      "http://192.168.1.20",
      "http://[fd12:3456::1]/",
      "http://whisper:8000",
      "http://asr.clinic.internal",
      "http://gpu-box.local:8000",
    ]) {
      expect(isPrivateNetworkUrl(url), url).toBe(true);
    }
  });

  it("counts public hosts and addresses as outside it", () => {
    for (const url of ["https://api.openai.com/v1", "https://whisper.example.com", "http://8.8.8.8", "http://172.32.0.1", "http://[2001:db8::1]", "not a url"]) {
      expect(isPrivateNetworkUrl(url), url).toBe(false);
    }
  });

  it("reads the host as the URL parser writes it, so another spelling of an address is the same address", () => {
    for (const url of ["http://0x7f.1:8000", "http://2130706433", "ws://192.168.0.2:2700", "http://[FD00::1]", "http://LOCALHOST"]) {
      expect(isPrivateNetworkUrl(url), url).toBe(true);
    }
    for (const url of ["http://10.0.0.1.example.com", "http://10.0.0.256", "wss://vosk.example.org"]) {
      expect(isPrivateNetworkUrl(url), url).toBe(false);
    }
  });
});
