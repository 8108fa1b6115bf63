import type { Config } from "@react-router/dev/config";

export default {
  appDirectory: "src/web",
  // KERVAN_BUILD_DIR lets parallel work build and serve a separate copy (default ./build).
  buildDirectory: process.env.KERVAN_BUILD_DIR ?? "build",
  ssr: true,
} satisfies Config;
