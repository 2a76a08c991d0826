import { describe, expect, it } from "vitest";
import { maskAddress, maskPhone } from "./mask";

describe("masking personal data", () => {
  it("masks mobile numbers as 138****1234", () => {
    expect(maskPhone("13812341234")).toBe("138****1234");
    expect(maskPhone("8613812341234")).toBe("861******1234");
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone("12345")).toBe("*****");
  });

  it("keeps province, city and district of an address and hides the rest", () => {
    expect(maskAddress("浙江省杭州市西湖区文三路100号5幢")).toBe("浙江省杭州市西湖区****");
    expect(maskAddress("上海市浦东新区世纪大道1号")).toBe("上海市浦东新区****");
    expect(maskAddress("12 Baker Street, London, UK")).toBe("****, London, UK");
    expect(maskAddress("88 Nanjing Rd, Shanghai")).toBe("****, Shanghai");
    expect(maskAddress("文三路100号")).not.toContain("100号");
  });
});
