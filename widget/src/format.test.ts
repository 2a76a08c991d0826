import { describe, expect, it } from "vitest";
import { backoffDelay } from "./connection";
import { formatPrice, safeImageSrc } from "./format";

describe("formatPrice", () => {
  it("formats cents as yuan with two decimals", () => {
    expect(formatPrice(12900)).toBe("¥129.00");
    expect(formatPrice(5)).toBe("¥0.05");
    expect(formatPrice(-1050)).toBe("-¥10.50");
  });
});

describe("safeImageSrc", () => {
  const origin = "https://desk.example.com";
  it("resolves upload paths against the QinDesk server and keeps image data URLs", () => {
    expect(safeImageSrc("/uploads/a.jpg", origin)).toBe("https://desk.example.com/uploads/a.jpg");
    expect(safeImageSrc("data:image/jpeg;base64,AAAA", origin)).toBe("data:image/jpeg;base64,AAAA");
  });
  it("refuses script and non-image data URLs", () => {
    expect(safeImageSrc("javascript:alert(1)", origin)).toBeNull();
    expect(safeImageSrc("data:text/html;base64,PHNjcmlwdD4=", origin)).toBeNull();
    expect(safeImageSrc(null, origin)).toBeNull();
  });
});

describe("backoffDelay", () => {
  it("doubles from about a second up to about thirty", () => {
    const middle = () => 0.5;
    expect([0, 1, 2, 3, 4, 5, 9].map((attempt) => backoffDelay(attempt, middle))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(backoffDelay(0, () => 0)).toBe(800);
    expect(backoffDelay(0, () => 0.999999)).toBe(1200);
  });
});
