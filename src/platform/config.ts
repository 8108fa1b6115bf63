import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"], { error: "expected true or false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");

const port = z.coerce
  .number({ error: "expected a port number" })
  .int("expected a whole number")
  .min(1, "expected a port between 1 and 65535")
  .max(65535, "expected a port between 1 and 65535");

const url = (protocols: string[]) =>
  z
    .url({ error: `expected a URL starting with ${protocols.map((p) => `${p}://`).join(" or ")}` })
    .refine(
      (v) => protocols.some((p) => v.startsWith(`${p}://`)),
      `expected a URL starting with ${protocols.map((p) => `${p}://`).join(" or ")}`,
    );

const positiveInt = z.coerce.number({ error: "expected a number" }).int("expected a whole number").positive("expected a number above 0");

const megabytes = z.coerce.number({ error: "expected a number of megabytes" }).positive("expected a number of megabytes above 0");

/** The non-empty items of a comma-separated list. */
const listItems = (value: string) =>
  value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** A crop preset of the media pipeline: a name and the aspect ratio its renditions have. */
export interface CropPreset {
  /** `product`, `gallery`, `home-banner`… (letters, digits and dashes). */
  name: string;
  /** The ratio as configured, e.g. 4 and 5 for `4:5`. */
  ratioWidth: number;
  ratioHeight: number;
}

/** `name=W:H,name=W:H`; `product` is required (every uploaded image gets it at once). */
const cropPresets = z
  .string()
  .transform((value, ctx): CropPreset[] => {
    const presets: CropPreset[] = [];
    for (const item of listItems(value)) {
      const match = /^([a-z0-9][a-z0-9-]*)=(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(item);
      const ratioWidth = Number(match?.[2]);
      const ratioHeight = Number(match?.[3]);
      if (!match || !(ratioWidth > 0) || !(ratioHeight > 0)) {
        ctx.addIssue({ code: "custom", message: `expected name=W:H items like product=1:1, got "${item}"` });
        return z.NEVER;
      }
      if (presets.some((p) => p.name === match[1])) {
        ctx.addIssue({ code: "custom", message: `preset "${match[1]}" is listed twice` });
        return z.NEVER;
      }
      presets.push({ name: match[1] as string, ratioWidth, ratioHeight });
    }
    if (!presets.some((p) => p.name === "product")) {
      ctx.addIssue({ code: "custom", message: 'expected a "product" preset (every uploaded image gets one)' });
      return z.NEVER;
    }
    return presets;
  })
  .prefault("product=1:1,gallery=4:5,home-banner=3:1,category-banner=4:1");

/** Comma-separated pixel widths, e.g. `400,800,1200`, returned ascending. */
const imageWidths = z
  .string()
  .transform((value, ctx): number[] => {
    const widths = listItems(value).map(Number);
    if (widths.length === 0 || widths.some((w) => !Number.isInteger(w) || w < 16 || w > 8000)) {
      ctx.addIssue({ code: "custom", message: "expected comma-separated whole pixel widths between 16 and 8000, like 400,800,1200" });
      return z.NEVER;
    }
    return [...new Set(widths)].sort((a, b) => a - b);
  })
  .prefault("400,800,1200");

/** Every setting Kervan reads from the environment. Documented in docs/configuration.md. */
export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"], { error: "expected development, production or test" }).default("development"),
  HOST: z.string().min(1).default("0.0.0.0"),
  PORT: port.default(3000),
  PUBLIC_URL: url(["http", "https"]).optional(),
  DATA_DIR: z.string().min(1, "expected a folder path").default("./data"),
  DATABASE_URL: url(["postgres", "postgresql"]).optional(),
  DATABASE_POOL_SIZE: positiveInt.max(200, "expected at most 200").default(10),
  SECRET: z.string().min(32, "expected at least 32 characters (generate one with `openssl rand -base64 48`)").optional(),
  SECRET_PREVIOUS: z.string().optional(),
  SMTP_URL: url(["smtp", "smtps"]).optional(),
  MAIL_FROM: z.string().min(3).default("Kervan <no-reply@localhost>"),
  STORAGE_DRIVER: z.enum(["local", "s3"], { error: "expected local or s3" }).default("local"),
  STORAGE_DIR: z.string().min(1).optional(),
  S3_ENDPOINT: url(["http", "https"]).optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_BUCKET: z.string().min(3, "expected an S3 bucket name").optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: bool.default(true),
  S3_PUBLIC_URL: url(["http", "https"]).optional(),
  REDIS_URL: url(["redis", "rediss"]).optional(),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "expected fatal, error, warn, info, debug, trace or silent",
    })
    .default("info"),
  CORS_ORIGINS: z.string().default(""),
  RATE_LIMIT_MAX: positiveInt.default(300),
  RATE_LIMIT_WINDOW: z
    .string()
    .regex(/^\d+\s*(ms|s|m|h)?$|^\d+ (second|minute|hour)s?$/, "expected a duration like 1m, 30s or 1 minute")
    .default("1 minute"),
  TRUST_PROXY: bool.default(false),
  JOBS_WORKER: bool.default(true),
  SEED_DEMO: bool.default(true),
  DEMO_ADMIN_PASSWORD: z.string().min(10, "expected at least 10 characters").optional(),
  SHUTDOWN_TIMEOUT_MS: positiveInt.default(10_000),
  PAGE_CACHE_SECONDS: z.coerce
    .number({ error: "expected a number of seconds" })
    .int("expected a whole number")
    .min(0)
    .max(3600)
    .default(30),
  CATALOG_CACHE_SECONDS: z.coerce
    .number({ error: "expected a number of seconds" })
    .int("expected a whole number")
    .min(0)
    .max(3600)
    .default(30),
  SEARCH_INDEXING: bool.optional(),
  AUTH_RESET_TOKEN_MINUTES: positiveInt.max(24 * 60, "expected at most 1440 minutes").default(30),
  AUTH_VERIFY_TOKEN_HOURS: positiveInt.max(24 * 14, "expected at most 336 hours").default(24),
  AUTH_ACCESS_TOKEN_SECONDS: positiveInt.max(86_400, "expected at most 86400 seconds").default(900),
  AUTH_REFRESH_TOKEN_DAYS: positiveInt.max(365, "expected at most 365 days").default(30),
  AUTH_RATE_LIMIT: bool.default(true),
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  GOOGLE_DISCOVERY_URL: url(["http", "https"]).default("https://accounts.google.com/.well-known/openid-configuration"),
  FACEBOOK_CLIENT_ID: z.string().min(1).optional(),
  FACEBOOK_CLIENT_SECRET: z.string().min(1).optional(),
  FACEBOOK_AUTHORIZATION_URL: url(["http", "https"]).default("https://www.facebook.com/v21.0/dialog/oauth"),
  FACEBOOK_TOKEN_URL: url(["http", "https"]).default("https://graph.facebook.com/v21.0/oauth/access_token"),
  FACEBOOK_USERINFO_URL: url(["http", "https"]).default("https://graph.facebook.com/v21.0/me?fields=id,name,email,picture"),
  MEDIA_MAX_IMAGES: positiveInt.max(50, "expected at most 50").default(5),
  MEDIA_MAX_VIDEOS: z.coerce.number({ error: "expected a number" }).int("expected a whole number").min(0).max(10).default(1),
  MEDIA_MAX_IMAGE_MB: megabytes.default(20),
  MEDIA_MAX_VIDEO_MB: megabytes.default(200),
  MEDIA_MAX_VIDEO_SECONDS: positiveInt.default(180),
  MEDIA_QUOTA_MB: megabytes.default(2048),
  MEDIA_CROP_PRESETS: cropPresets,
  MEDIA_IMAGE_WIDTHS: imageWidths,
  FFMPEG_PATH: z.string().min(1).default("ffmpeg"),
  FFPROBE_PATH: z.string().min(1).optional(),
  IYZICO_API_KEY: z.string().min(1).optional(),
  IYZICO_SECRET_KEY: z.string().min(1).optional(),
  IYZICO_BASE_URL: url(["http", "https"]).default("https://sandbox-api.iyzipay.com"),
  PAYTR_MERCHANT_ID: z.string().min(1).optional(),
  PAYTR_MERCHANT_KEY: z.string().min(1).optional(),
  PAYTR_MERCHANT_SALT: z.string().min(1).optional(),
  PAYTR_BASE_URL: url(["http", "https"]).default("https://www.paytr.com"),
  PAYTR_TEST_MODE: bool.default(true),
  STRIPE_SECRET_KEY: z.string().min(1).optional(),
  STRIPE_PUBLISHABLE_KEY: z.string().min(1).optional(),
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  STRIPE_API_BASE_URL: url(["http", "https"]).optional(),
});

/**
 * Rules that tie settings together. They read the raw values, so they are reported in the same
 * run as any malformed single value (zod skips refinements once the object has failed).
 */
function crossFieldIssues(raw: Record<string, string | undefined>): string[] {
  const issues: string[] = [];
  if ((raw.STORAGE_DRIVER ?? "local") === "s3") {
    for (const key of ["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"]) {
      if (!raw[key]) issues.push(`${key}: required when STORAGE_DRIVER=s3`);
    }
  }
  for (const provider of ["GOOGLE", "FACEBOOK"]) {
    if (Boolean(raw[`${provider}_CLIENT_ID`]) !== Boolean(raw[`${provider}_CLIENT_SECRET`])) {
      issues.push(`${provider}_CLIENT_SECRET: set both ${provider}_CLIENT_ID and ${provider}_CLIENT_SECRET, or neither`);
    }
  }
  const gatewayKeys: Record<string, string[]> = {
    IYZICO: ["IYZICO_API_KEY", "IYZICO_SECRET_KEY"],
    PAYTR: ["PAYTR_MERCHANT_ID", "PAYTR_MERCHANT_KEY", "PAYTR_MERCHANT_SALT"],
    STRIPE: ["STRIPE_SECRET_KEY", "STRIPE_PUBLISHABLE_KEY", "STRIPE_WEBHOOK_SECRET"],
  };
  for (const [gateway, keys] of Object.entries(gatewayKeys)) {
    const set = keys.filter((k) => raw[k]);
    if (set.length > 0 && set.length < keys.length) {
      issues.push(`${keys.find((k) => !raw[k])}: set all of ${keys.join(", ")} to enable ${gateway.toLowerCase()}, or none`);
    }
  }
  if (raw.NODE_ENV === "production" && !raw.SECRET) issues.push("SECRET: required in production: at least 32 random characters");
  return issues;
}

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env["NODE_ENV"];
  host: string;
  port: number;
  publicUrl: string;
  dataDir: string;
  database: { url?: string; poolSize: number };
  secrets: string[];
  mail: { smtpUrl?: string; from: string };
  storage:
    | { driver: "local"; dir: string }
    | {
        driver: "s3";
        endpoint?: string;
        region: string;
        bucket: string;
        accessKeyId: string;
        secretAccessKey: string;
        forcePathStyle: boolean;
        publicUrl?: string;
      };
  redisUrl?: string;
  logLevel: Env["LOG_LEVEL"];
  corsOrigins: string[];
  rateLimit: { max: number; window: string };
  trustProxy: boolean;
  jobsWorker: boolean;
  seedDemo: boolean;
  demoAdminPassword?: string;
  shutdownTimeoutMs: number;
  /** Anonymous storefront pages are kept this long (0: off). */
  pageCacheSeconds: number;
  /** Listing and search results (and their totals and facets) are kept this long (0: off); catalog changes drop them at once. */
  catalogCacheSeconds: number;
  /** robots.txt lets crawlers in (default: only when NODE_ENV=production). */
  searchIndexing: boolean;
  auth: AuthConfig;
  media: MediaConfig;
  /** Card gateways with credentials on this installation. */
  gateways: GatewaysConfig;
}

export interface GatewaysConfig {
  iyzico?: { apiKey: string; secretKey: string; baseUrl: string };
  paytr?: { merchantId: string; merchantKey: string; merchantSalt: string; baseUrl: string; testMode: boolean };
  stripe?: { secretKey: string; publishableKey: string; webhookSecret: string; apiBaseUrl?: string };
}

/** The media pipeline: limits, crop presets, image widths and the ffmpeg binaries. */
export interface MediaConfig {
  /** Images per product. */
  maxImages: number;
  /** Videos per product. */
  maxVideos: number;
  maxImageBytes: number;
  maxVideoBytes: number;
  maxVideoSeconds: number;
  /** Bytes of media (originals and everything made from them) a store may keep. */
  quotaBytes: number;
  presets: CropPreset[];
  /** Widths of the responsive image variants, ascending. */
  widths: number[];
  ffmpegPath: string;
  /** `FFPROBE_PATH`, else `ffprobe` beside `FFMPEG_PATH` (or on the PATH when that is a bare name). */
  ffprobePath: string;
}

const MB = 1024 * 1024;

/** ffprobe beside the configured ffmpeg: `/opt/ff/bin/ffmpeg` → `/opt/ff/bin/ffprobe`, `ffmpeg` → `ffprobe`. */
export function ffprobeBeside(ffmpegPath: string): string {
  const name = path.basename(ffmpegPath);
  const probe = name.replace(/ffmpeg/i, "ffprobe");
  const file = probe === name ? `ffprobe${path.extname(name)}` : probe;
  return ffmpegPath.includes("/") || ffmpegPath.includes("\\") ? path.join(path.dirname(ffmpegPath), file) : file;
}

export interface OAuthProviderConfig {
  clientId: string;
  clientSecret: string;
}

export interface AuthConfig {
  resetTokenMinutes: number;
  verifyTokenHours: number;
  accessTokenSeconds: number;
  refreshTokenDays: number;
  /** better-auth's per-IP request limits (tests that sign in often turn them off). */
  rateLimit: boolean;
  google?: OAuthProviderConfig & { discoveryUrl: string };
  facebook?: OAuthProviderConfig & { authorizationUrl: string; tokenUrl: string; userInfoUrl: string };
}

export class ConfigError extends Error {
  readonly issues: string[];
  constructor(issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join("\n")}`);
    this.name = "ConfigError";
    this.issues = issues;
  }
}

/** Parses the environment; throws ConfigError naming each bad variable and what it expects. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "not set", as in most .env tooling.
  const raw = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(raw);
  const issues = [
    ...(parsed.success ? [] : parsed.error.issues).map((issue) => {
      const key = String(issue.path[0] ?? "environment");
      const value = raw[key];
      return `${key}: ${issue.message}${value !== undefined && !/SECRET|PASSWORD/.test(key) ? ` (got "${value}")` : ""}`;
    }),
    ...crossFieldIssues(raw),
  ];
  if (!parsed.success || issues.length > 0) throw new ConfigError(issues);
  const env = parsed.data;
  const dataDir = path.resolve(env.DATA_DIR);
  const secret = env.SECRET ?? devSecret(dataDir);
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    dataDir,
    database: { url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE },
    secrets: [
      secret,
      ...(env.SECRET_PREVIOUS ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    ],
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM },
    storage:
      env.STORAGE_DRIVER === "s3"
        ? {
            driver: "s3",
            endpoint: env.S3_ENDPOINT,
            region: env.S3_REGION,
            bucket: env.S3_BUCKET as string,
            accessKeyId: env.S3_ACCESS_KEY_ID as string,
            secretAccessKey: env.S3_SECRET_ACCESS_KEY as string,
            forcePathStyle: env.S3_FORCE_PATH_STYLE,
            publicUrl: env.S3_PUBLIC_URL,
          }
        : { driver: "local", dir: path.resolve(env.STORAGE_DIR ?? path.join(dataDir, "media")) },
    redisUrl: env.REDIS_URL,
    logLevel: env.LOG_LEVEL,
    corsOrigins: env.CORS_ORIGINS.split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    rateLimit: { max: env.RATE_LIMIT_MAX, window: env.RATE_LIMIT_WINDOW },
    trustProxy: env.TRUST_PROXY,
    jobsWorker: env.JOBS_WORKER,
    seedDemo: env.SEED_DEMO,
    demoAdminPassword: env.DEMO_ADMIN_PASSWORD,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    pageCacheSeconds: env.PAGE_CACHE_SECONDS,
    catalogCacheSeconds: env.CATALOG_CACHE_SECONDS,
    searchIndexing: env.SEARCH_INDEXING ?? env.NODE_ENV === "production",
    auth: {
      resetTokenMinutes: env.AUTH_RESET_TOKEN_MINUTES,
      verifyTokenHours: env.AUTH_VERIFY_TOKEN_HOURS,
      accessTokenSeconds: env.AUTH_ACCESS_TOKEN_SECONDS,
      refreshTokenDays: env.AUTH_REFRESH_TOKEN_DAYS,
      rateLimit: env.AUTH_RATE_LIMIT,
      google:
        env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET
          ? { clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET, discoveryUrl: env.GOOGLE_DISCOVERY_URL }
          : undefined,
      facebook:
        env.FACEBOOK_CLIENT_ID && env.FACEBOOK_CLIENT_SECRET
          ? {
              clientId: env.FACEBOOK_CLIENT_ID,
              clientSecret: env.FACEBOOK_CLIENT_SECRET,
              authorizationUrl: env.FACEBOOK_AUTHORIZATION_URL,
              tokenUrl: env.FACEBOOK_TOKEN_URL,
              userInfoUrl: env.FACEBOOK_USERINFO_URL,
            }
          : undefined,
    },
    media: {
      maxImages: env.MEDIA_MAX_IMAGES,
      maxVideos: env.MEDIA_MAX_VIDEOS,
      maxImageBytes: Math.floor(env.MEDIA_MAX_IMAGE_MB * MB),
      maxVideoBytes: Math.floor(env.MEDIA_MAX_VIDEO_MB * MB),
      maxVideoSeconds: env.MEDIA_MAX_VIDEO_SECONDS,
      quotaBytes: Math.floor(env.MEDIA_QUOTA_MB * MB),
      presets: env.MEDIA_CROP_PRESETS,
      widths: env.MEDIA_IMAGE_WIDTHS,
      ffmpegPath: env.FFMPEG_PATH,
      ffprobePath: env.FFPROBE_PATH ?? ffprobeBeside(env.FFMPEG_PATH),
    },
    gateways: {
      ...(env.IYZICO_API_KEY && env.IYZICO_SECRET_KEY
        ? { iyzico: { apiKey: env.IYZICO_API_KEY, secretKey: env.IYZICO_SECRET_KEY, baseUrl: env.IYZICO_BASE_URL } }
        : {}),
      ...(env.PAYTR_MERCHANT_ID && env.PAYTR_MERCHANT_KEY && env.PAYTR_MERCHANT_SALT
        ? {
            paytr: {
              merchantId: env.PAYTR_MERCHANT_ID,
              merchantKey: env.PAYTR_MERCHANT_KEY,
              merchantSalt: env.PAYTR_MERCHANT_SALT,
              baseUrl: env.PAYTR_BASE_URL,
              testMode: env.PAYTR_TEST_MODE,
            },
          }
        : {}),
      ...(env.STRIPE_SECRET_KEY && env.STRIPE_PUBLISHABLE_KEY && env.STRIPE_WEBHOOK_SECRET
        ? {
            stripe: {
              secretKey: env.STRIPE_SECRET_KEY,
              publishableKey: env.STRIPE_PUBLISHABLE_KEY,
              webhookSecret: env.STRIPE_WEBHOOK_SECRET,
              apiBaseUrl: env.STRIPE_API_BASE_URL,
            },
          }
        : {}),
    },
  };
}

/** Outside production a random secret is made once and kept in DATA_DIR, so restarts keep sessions. */
function devSecret(dataDir: string): string {
  const file = path.join(dataDir, ".secret");
  try {
    const existing = readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    // first start: fall through and create it
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
