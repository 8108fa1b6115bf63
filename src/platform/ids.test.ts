import { describe, expect, it } from "vitest";
import { isUuid } from "./ids.ts";

describe("isUuid", () => {
  it("accepts uuids in either case", () => {
    expect(isUuid("123e4567-e89b-12d3-a456-426614174000")).toBe(true);
    expect(isUuid("123E4567-E89B-12D3-A456-426614174000")).toBe(true);
    expect(isUuid("00000000-0000-0000-0000-000000000000")).toBe(true);
  });

  it("rejects anything else", () => {
    expect(isUuid("")).toBe(false);
    expect(isUuid("abc")).toBe(false);
    expect(isUuid("123e4567e89b12d3a456426614174000")).toBe(false);
    expect(isUuid("123e4567-e89b-12d3-a456-42661417400g")).toBe(false);
    expect(isUuid("------------------------------------")).toBe(false);
    expect(isUuid(" 123e4567-e89b-12d3-a456-426614174000")).toBe(false);
    expect(isUuid("123e4567-e89b-12d3-a456-426614174000\n")).toBe(false);
  });
});
