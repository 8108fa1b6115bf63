import { spawn } from "node:child_process";
import { createRequire } from "node:module";

/**
 * Starts s3rver (a local S3-compatible server) in a child process on a free port. It runs apart
 * because s3rver encrypts its ListObjectsV2 continuation tokens with DES, which Node 24's OpenSSL
 * only offers with --openssl-legacy-provider; the child also exits when its stdin closes, so it
 * never outlives us.
 */
export async function startS3rver(directory: string): Promise<{ port: number; stop(): Promise<void> }> {
  const s3rverPath = createRequire(import.meta.url).resolve("s3rver");
  const script = `
    const S3rver = require(${JSON.stringify(s3rverPath)});
    const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: ${JSON.stringify(directory)} });
    server.run().then(({ port }) => process.stdout.write(JSON.stringify({ port }) + "\\n"));
    process.stdin.on("end", () => server.close().finally(() => process.exit(0)));
    process.stdin.resume();
  `;
  const child = spawn(process.execPath, ["--openssl-legacy-provider", "-e", script], { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const port = await new Promise<number>((resolve, reject) => {
    let stdout = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      if (stdout.includes("\n")) resolve(JSON.parse(stdout).port);
    });
    child.on("exit", (code) => reject(new Error(`s3rver exited with code ${code}: ${stderr}`)));
  });
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        child.on("exit", () => resolve());
        child.stdin.end();
      }),
  };
}
