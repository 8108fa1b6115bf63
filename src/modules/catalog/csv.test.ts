import { describe, expect, it } from "vitest";
import {
  CsvFileError,
  decodeCsv,
  headerKey,
  parseBoolean,
  parseDecimal,
  parsePrice,
  parseVatRate,
  parseWhole,
  readCsv,
  sampleRows,
  sniffDelimiter,
} from "./csv.ts";

const encoder = new TextEncoder();

describe("reading a product CSV", () => {
  it("reads comma and semicolon files, with or without a BOM, and finds the delimiter itself", () => {
    const comma = readCsv(encoder.encode('handle,title,price\nkupa,Kupa,"1,5"\n'));
    expect(comma.delimiter).toBe(",");
    expect(comma.rows).toEqual([{ line: 2, cells: ["kupa", "Kupa", "1,5"] }]);
    const semicolon = readCsv(encoder.encode("\uFEFFhandle;title;price\r\nkupa;Kupa;1.299,90\r\n"));
    expect(semicolon.delimiter).toBe(";");
    expect(semicolon.encoding).toBe("utf-8");
    expect(semicolon.headers).toEqual(["handle", "title", "price"]);
    expect(semicolon.rows[0]?.cells).toEqual(["kupa", "Kupa", "1.299,90"]);
    expect(sniffDelimiter('"a;b",c,d\n')).toBe(",");
    expect(sniffDelimiter("a\tb\tc\n")).toBe("\t");
  });

  it("numbers records by the line they start on, across quoted line breaks and blank lines", () => {
    const file = readCsv('handle;description\na;"one\r\ntwo\r\n\r\nthree"\r\n\r\nb;x\n;;\nc;"y"\n');
    expect(file.rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [2, "a"],
      [7, "b"],
      [9, "c"],
    ]);
    expect(file.rows[0]?.cells[1]).toBe("one\ntwo\n\nthree");
  });

  it("maps Turkish, English and Shopify headers to the same columns and lists the unknown ones", () => {
    const file = readCsv("Ürün URL;Ürün Adı;Fiyat;Stok Kodu;Seçenek 1 Adı;Option1 Value;Body (HTML);Renk kodu\n");
    expect(file.columns).toMatchObject({ handle: 0, title: 1, price: 2, sku: 3, option1_name: 4, option1_value: 5, description: 6 });
    expect(file.ignoredColumns).toEqual(["Renk kodu"]);
    expect(headerKey("KDV Oranı")).toBe(headerKey("kdv_orani"));
    expect(headerKey("İNDİRİMSİZ FİYAT")).toBe("indirimsizfiyat");
  });

  it("reads a Windows-1254 file (Excel's CSV in Turkish) as such", () => {
    // "handle;title\nkazak;Yün Kazak Şal Yaka\n" in Windows-1254: ü = 0xFC, Ş = 0xDE
    const bytes = Uint8Array.from([
      ...encoder.encode("handle;title\nkazak;Y"),
      0xfc,
      ...encoder.encode("n Kazak "),
      0xde,
      ...encoder.encode("al Yaka\n"),
    ]);
    expect(decodeCsv(bytes).encoding).toBe("windows-1254");
    expect(readCsv(bytes).rows[0]?.cells[1]).toBe("Yün Kazak Şal Yaka");
  });

  it("refuses files it cannot read, with a code and a line", () => {
    const fail = (input: string, options?: Parameters<typeof readCsv>[1]) => {
      try {
        readCsv(input, options);
      } catch (error) {
        expect(error).toBeInstanceOf(CsvFileError);
        const e = error as CsvFileError;
        return { status: e.statusCode, code: e.code, line: e.line };
      }
      throw new Error("no error");
    };
    expect(fail("")).toMatchObject({ status: 422, code: "empty_file" });
    expect(fail("sku,price\nA,1\n")).toMatchObject({ status: 422, code: "missing_handle_column", line: 1 });
    expect(fail('handle,title\na,"unclosed\nb,c\n')).toMatchObject({ status: 422, code: "csv_syntax" });
    expect(fail("handle\na\nb\nc\n", { maxRows: 2 })).toMatchObject({ status: 413, code: "too_many_rows" });
    expect(readCsv("handle\na\nb\n", { maxRows: 2 }).rows).toHaveLength(2);
  });
});

describe("cell values", () => {
  it("reads Turkish and English prices into kuruş", () => {
    const kurus = (cell: string) => {
      const r = parsePrice(cell);
      return r.ok ? r.value : r.code;
    };
    expect(kurus("1.299,90")).toBe(129_990);
    expect(kurus("1299,90")).toBe(129_990);
    expect(kurus("1299.90")).toBe(129_990);
    expect(kurus("1,299.90")).toBe(129_990);
    expect(kurus("1.299")).toBe(129_900);
    expect(kurus("₺ 49,5")).toBe(4_950);
    expect(kurus("12 TL")).toBe(1_200);
    expect(kurus("")).toBeNull();
    expect(kurus("12,999")).toBe("invalid_price");
    expect(kurus("-5")).toBe("invalid_price");
    expect(kurus("on iki")).toBe("invalid_price");
  });

  it("reads whole numbers, decimals, yes/no and KDV rates", () => {
    const value = <T>(r: { ok: true; value: T } | { ok: false; code: string }) => (r.ok ? r.value : r.code);
    expect(value(parseWhole("1.250"))).toBe(1250);
    expect(value(parseWhole("12"))).toBe(12);
    expect(value(parseWhole("3,0"))).toBe(3);
    expect(value(parseWhole("2,5"))).toBe("invalid_number");
    expect(value(parseDecimal("2,5"))).toBe(2.5);
    expect(value(parseDecimal("1.25"))).toBe(1.25);
    expect(value(parseDecimal("1,255"))).toBe("invalid_number");
    expect(value(parseBoolean("Evet"))).toBe(true);
    expect(value(parseBoolean("HAYIR"))).toBe(false);
    expect(value(parseBoolean("true"))).toBe(true);
    expect(value(parseBoolean("belki"))).toBe("invalid_boolean");
    expect(value(parseVatRate("%20"))).toBe(20);
    expect(value(parseVatRate("1"))).toBe(1);
    expect(value(parseVatRate("18"))).toBe("invalid_vat_rate");
  });

  it("has a sample file every column of which the reader knows", () => {
    for (const headers of ["en", "tr"] as const) {
      const [head, ...rows] = sampleRows(headers, ";");
      const file = readCsv(`${[head, ...rows].map((r) => r?.join(";")).join("\n")}\n`);
      expect(file.ignoredColumns).toEqual([]);
      expect(Object.keys(file.columns)).toHaveLength(head?.length ?? 0);
      expect(rows.some((r) => r.includes("299,90"))).toBe(true);
    }
  });
});
