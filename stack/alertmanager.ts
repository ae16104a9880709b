import { mkdirSync } from "node:fs";
import path from "node:path";
import { Service, httpReady } from "./service.ts";

export interface AlertmanagerPeer {
  port: number;
  clusterPort: number;
}

export interface AlertmanagerClusterOptions {
  binary: string;
  dataDir: string;
  configFile: string;
  peers: AlertmanagerPeer[];
}

/** One Service per peer; with two or more peers they gossip as one HA cluster on loopback. */
export function alertmanagerServices(options: AlertmanagerClusterOptions): Service[] {
  return options.peers.map((peer, index) => {
    const dir = path.join(options.dataDir, `alertmanager-${index}`);
    mkdirSync(dir, { recursive: true });
    const others = options.peers.filter((other) => other !== peer);
    const clusterArgs =
      options.peers.length > 1
        ? [
            `--cluster.listen-address=127.0.0.1:${peer.clusterPort}`,
            `--cluster.advertise-address=127.0.0.1:${peer.clusterPort}`,
            ...others.map((other) => `--cluster.peer=127.0.0.1:${other.clusterPort}`),
            "--cluster.settle-timeout=2s",
            "--cluster.pushpull-interval=10s",
          ]
        : ["--cluster.listen-address="];
    return new Service({
      name: `alertmanager-${index}`,
      command: options.binary,
      args: [
        `--config.file=${options.configFile}`,
        `--storage.path=${dir}`,
        `--web.listen-address=127.0.0.1:${peer.port}`,
        `--web.external-url=http://127.0.0.1:${peer.port}/`,
        ...clusterArgs,
      ],
      logFile: path.join(options.dataDir, `alertmanager-${index}.log`),
      ready: () => httpReady(`http://127.0.0.1:${peer.port}/-/ready`),
      readyTimeoutMs: 30_000,
    });
  });
}
