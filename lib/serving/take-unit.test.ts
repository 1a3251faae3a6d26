import { describe, expect, it } from "vitest";

import { takeUnit } from "@/lib/serving/take-unit";

describe("takeUnit", () => {
  it("takes ?unit= out of the query wherever it stands, and leaves the rest as it was", () => {
    expect(takeUnit("unit=u1", undefined)).toEqual({ raw: "", unit: "u1" });
    expect(takeUnit("unit=u1&environment=staging", undefined)).toEqual({ raw: "environment=staging", unit: "u1" });
    expect(takeUnit("environment=staging&unit=u1", undefined)).toEqual({ raw: "environment=staging", unit: "u1" });
    expect(takeUnit("environment=staging&unit=u1&version=3", undefined)).toEqual({
      raw: "environment=staging&version=3",
      unit: "u1",
    });
    expect(takeUnit("environment=staging", undefined)).toEqual({ raw: "environment=staging", unit: undefined });
  });

  it("leaves parameters that only contain the word alone", () => {
    for (const raw of ["units=3", "community=x", "x=unit", "unitx=1&a=unit", "e=1&aunit=2"])
      expect(takeUnit(raw, undefined)).toEqual({ raw, unit: undefined });
    expect(takeUnit("units=3&unit=u&community=unit", undefined)).toEqual({
      raw: "units=3&community=unit",
      unit: "u",
    });
  });

  it("drops every unit parameter and keeps the last one's value, as URLSearchParams' last wins", () => {
    expect(takeUnit("unit=a&unit=b", undefined)).toEqual({ raw: "", unit: "b" });
    expect(takeUnit("unit=a&environment=x&unit=b&unit", undefined)).toEqual({ raw: "environment=x", unit: undefined });
    expect(takeUnit("unit&environment=x", "from-header")).toEqual({ raw: "environment=x", unit: "from-header" });
    expect(takeUnit("environment=x&unit=", undefined)).toEqual({ raw: "environment=x", unit: undefined });
  });

  it("decodes the value and percent-encoded names", () => {
    expect(takeUnit("unit=user%40example.com&environment=x", undefined)).toEqual({
      raw: "environment=x",
      unit: "user@example.com",
    });
    expect(takeUnit("unit=a+b", undefined)).toEqual({ raw: "", unit: "a b" });
    expect(takeUnit("%75nit=u9&environment=x", undefined)).toEqual({ raw: "environment=x", unit: "u9" });
    expect(takeUnit("environment=a%20b", undefined)).toEqual({ raw: "environment=a%20b", unit: undefined });
  });

  it("uses the Galley-Unit header when the query names none, and the query when both do", () => {
    expect(takeUnit("", "h1")).toEqual({ raw: "", unit: "h1" });
    expect(takeUnit("", ["h1", "h2"])).toEqual({ raw: "", unit: "h1" });
    expect(takeUnit("unit=q1", "h1")).toEqual({ raw: "", unit: "q1" });
    expect(takeUnit("", "")).toEqual({ raw: "", unit: undefined });
  });

  it("refuses a unit id past 200 characters and bad percent-encoding, naming where", () => {
    const long = "u".repeat(201);
    expect(() => takeUnit(`unit=${long}`, undefined)).toThrow(
      /unit: a unit id has at most 200 characters; this one has 201/,
    );
    expect(() => takeUnit("", long)).toThrow(/Galley-Unit: a unit id has at most 200/);
    expect(takeUnit(`unit=${"u".repeat(200)}`, undefined).unit).toHaveLength(200);
    expect(() => takeUnit("unit=%ZZ", undefined)).toThrow(/unit is not valid percent-encoding/);
    expect(() => takeUnit("%ZZ=1", undefined)).toThrow(/A query parameter's name is not valid percent-encoding/);
  });
});
