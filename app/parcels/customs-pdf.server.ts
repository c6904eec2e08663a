/**
 * The customs declaration for a parcel, print-ready on A4: CN 22 or CN 23 (see
 * customsFormFor in rules.ts for the threshold), every label in English and
 * Russian (the languages the sending and the receiving post read), with:
 *  - the sender as the sender chose to appear (a pseudonym and an NGO relay address
 *    are fine);
 *  - the addressee's surname, first name and patronymic and the facility address,
 *    laid out as on an envelope (Cyrillic, country in Latin capitals);
 *  - each item on its own line: description in Russian and English, quantity, net
 *    weight and value;
 *  - the category of item ("Gift", never alone: each item is listed and the
 *    explanation says what the parcel is), totals, and the sender's declaration
 *    with room for the date and signature.
 *
 * Fonts: DejaVu Sans (Cyrillic), from the same directory as the letter PDFs.
 * Metadata is neutral: nothing about the platform's purpose.
 */
import fs from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import { pdfFontDir } from "#app/letters/pdf.server.ts";
import { printableText } from "#app/letters/printable.ts";

export interface CustomsItem {
  nameRu: string;
  nameEn: string;
  quantity: number;
  /** Net weight of all units of this line, grams. */
  weightGrams: number;
  /** Value of all units of this line, cents. */
  valueCents: number;
}

export interface CustomsInput {
  form: "CN22" | "CN23";
  /** Lines of the sender block, as the sender chose them. */
  sender: string[];
  /** Lines of the addressee block: the name first, the country (Latin capitals) last. */
  addressee: string[];
  items: CustomsItem[];
  currency: string;
}

/**
 * A parcel's stored items → the lines of its customs form: a catalogue item with
 * the catalogue's Russian and English names, a free-text item with the sender's
 * description and the English line they gave (the post of origin needs English
 * or French; items saved before the line was required fall back to the text).
 */
export function customsItems(
  items: readonly {
    catalogItem: { nameRu: string; nameEn: string } | null;
    freeText: string | null;
    freeTextEn: string | null;
    quantity: number;
    unitWeightGrams: number;
    unitValueCents: number;
  }[],
): CustomsItem[] {
  return items.map((item) => ({
    nameRu: item.catalogItem?.nameRu ?? item.freeText ?? "",
    nameEn: item.catalogItem?.nameEn ?? item.freeTextEn ?? item.freeText ?? "",
    quantity: item.quantity,
    weightGrams: item.quantity * item.unitWeightGrams,
    valueCents: item.quantity * item.unitValueCents,
  }));
}

type Doc = PDFKit.PDFDocument;

const MM = 72 / 25.4;
const A4: [number, number] = [595.28, 841.89];
const MARGIN = 15 * MM;
const REGULAR = "Body";
const BOLD = "Body-Bold";

function font(file: string): Buffer {
  const full = path.join(pdfFontDir(), file);
  try {
    return fs.readFileSync(full);
  } catch {
    throw new Error(`PDF font not found: ${full}. Run the server from the project root or set PDF_FONT_DIR.`);
  }
}

function kg(grams: number): string {
  return (grams / 1000).toFixed(3);
}

function money(cents: number): string {
  return (cents / 100).toFixed(2);
}

function clean(line: string): string {
  return (
    printableText(line)
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001F\u007F]/g, " ")
      .replace(/\s+/g, " ")
      .trim()
  );
}

interface Column {
  title: string;
  width: number;
  align: "left" | "right" | "center";
}

/** A boxed block with a small bilingual caption and lines of text; returns its height. */
function box(doc: Doc, x: number, y: number, w: number, caption: string, lines: string[], minHeight = 0): number {
  const pad = 2 * MM;
  doc.font(REGULAR).fontSize(7);
  const captionH = doc.heightOfString(caption, { width: w - 2 * pad });
  doc.font(REGULAR).fontSize(10);
  const body = lines.map(clean).filter(Boolean).join("\n");
  const bodyH = body ? doc.heightOfString(body, { width: w - 2 * pad, lineGap: 1.5 }) : 0;
  const h = Math.max(minHeight, pad + captionH + 1 * MM + bodyH + pad);
  doc.save().lineWidth(0.7).rect(x, y, w, h).stroke().restore();
  doc
    .font(REGULAR)
    .fontSize(7)
    .fillColor("#333333")
    .text(caption, x + pad, y + pad, { width: w - 2 * pad });
  doc.font(REGULAR).fontSize(10).fillColor("#000000");
  if (body) doc.text(body, x + pad, y + pad + captionH + 1 * MM, { width: w - 2 * pad, lineGap: 1.5 });
  return h;
}

function checkbox(doc: Doc, x: number, y: number, checked: boolean, label: string): number {
  const size = 3.2 * MM;
  doc.save().lineWidth(0.7).rect(x, y, size, size).stroke().restore();
  if (checked) {
    doc
      .save()
      .lineWidth(1.2)
      .moveTo(x + 0.6 * MM, y + 0.6 * MM)
      .lineTo(x + size - 0.6 * MM, y + size - 0.6 * MM)
      .stroke();
    doc
      .moveTo(x + size - 0.6 * MM, y + 0.6 * MM)
      .lineTo(x + 0.6 * MM, y + size - 0.6 * MM)
      .stroke()
      .restore();
  }
  doc
    .font(REGULAR)
    .fontSize(8)
    .text(label, x + size + 1.5 * MM, y + 0.2 * MM, { lineBreak: false });
  return size + 1.5 * MM + doc.widthOfString(label) + 5 * MM;
}

function tableRow(doc: Doc, x: number, y: number, columns: Column[], cells: string[][], header = false): number {
  const pad = 1.5 * MM;
  doc.font(header ? BOLD : REGULAR).fontSize(header ? 7.5 : 9);
  const heights = cells.map((lines, i) =>
    doc.heightOfString(lines.join("\n"), { width: columns[i].width - 2 * pad, lineGap: 1 }),
  );
  const h = Math.max(...heights) + 2 * pad;
  let cx = x;
  cells.forEach((lines, i) => {
    const column = columns[i];
    doc.save().lineWidth(0.5).rect(cx, y, column.width, h).stroke().restore();
    if (header) {
      doc
        .font(BOLD)
        .fontSize(7.5)
        .text(lines.join("\n"), cx + pad, y + pad, { width: column.width - 2 * pad, align: column.align, lineGap: 1 });
    } else {
      // First line (Russian) regular, the English below it in grey.
      let ly = y + pad;
      lines.forEach((line, j) => {
        doc
          .font(REGULAR)
          .fontSize(9)
          .fillColor(j === 0 ? "#000000" : "#444444");
        doc.text(line, cx + pad, ly, { width: column.width - 2 * pad, align: column.align, lineGap: 1 });
        ly += doc.heightOfString(line, { width: column.width - 2 * pad, lineGap: 1 });
      });
      doc.fillColor("#000000");
    }
    cx += column.width;
  });
  return h;
}

export async function renderCustomsPdf(input: CustomsInput): Promise<Buffer> {
  const doc: Doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    font: path.join(pdfFontDir(), "DejaVuSans.ttf"),
    info: { Title: `Customs declaration ${input.form}`, Creator: "Solidarity Mail", Producer: "Solidarity Mail" },
  });
  doc.registerFont(REGULAR, font("DejaVuSans.ttf"));
  doc.registerFont(BOLD, font("DejaVuSans-Bold.ttf"));
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const [pw, ph] = A4;
  const width = pw - 2 * MARGIN;
  const bottom = ph - MARGIN;
  doc.addPage({ size: A4, margin: 0 });
  let y = MARGIN;

  // Title.
  const code = input.form === "CN22" ? "CN 22" : "CN 23";
  doc.font(BOLD).fontSize(16).text(`${code}  CUSTOMS DECLARATION`, MARGIN, y, { width, lineBreak: false });
  y += 7 * MM;
  doc.font(REGULAR).fontSize(11).text(`ТАМОЖЕННАЯ ДЕКЛАРАЦИЯ ${code}`, MARGIN, y, { width, lineBreak: false });
  y += 6 * MM;
  doc
    .font(REGULAR)
    .fontSize(8)
    .fillColor("#333333")
    .text("May be opened officially / Может быть вскрыто в служебном порядке", MARGIN, y, { width });
  doc.fillColor("#000000");
  y += 6 * MM;

  // Sender and addressee.
  const half = (width - 4 * MM) / 2;
  const senderH = box(doc, MARGIN, y, half, "From / Отправитель", input.sender, 35 * MM);
  const addresseeH = box(
    doc,
    MARGIN + half + 4 * MM,
    y,
    half,
    "To / Получатель (фамилия, имя, отчество; адрес)",
    input.addressee,
    35 * MM,
  );
  y += Math.max(senderH, addresseeH) + 5 * MM;

  // Items.
  const columns: Column[] = [
    { title: "No.\n№", width: 9 * MM, align: "center" },
    {
      title: "Detailed description of contents\nПодробное описание вложения",
      width: width - 9 * MM - 22 * MM - 30 * MM - 30 * MM,
      align: "left",
    },
    { title: "Quantity\nКол-во", width: 22 * MM, align: "right" },
    { title: "Net weight (kg)\nВес нетто (кг)", width: 30 * MM, align: "right" },
    { title: `Value (${input.currency})\nСтоимость (${input.currency})`, width: 30 * MM, align: "right" },
  ];
  const header = () => {
    y += tableRow(
      doc,
      MARGIN,
      y,
      columns,
      columns.map((c) => [c.title]),
      true,
    );
  };
  header();
  input.items.forEach((item, i) => {
    const cells = [
      [String(i + 1)],
      [clean(item.nameRu), clean(item.nameEn)].filter((line, j, all) => j === 0 || line !== all[0]),
      [String(item.quantity)],
      [kg(item.weightGrams)],
      [money(item.valueCents)],
    ];
    doc.font(REGULAR).fontSize(9);
    const estimate = doc.heightOfString(cells[1].join("\n"), { width: columns[1].width - 3 * MM, lineGap: 1 }) + 3 * MM;
    if (y + estimate > bottom - 70 * MM) {
      doc.addPage({ size: A4, margin: 0 });
      y = MARGIN;
      header();
    }
    y += tableRow(doc, MARGIN, y, columns, cells);
  });
  const totalWeight = input.items.reduce((s, i) => s + i.weightGrams, 0);
  const totalValue = input.items.reduce((s, i) => s + i.valueCents, 0);
  y += tableRow(doc, MARGIN, y, columns, [
    [""],
    ["Total / Итого"],
    [String(input.items.reduce((s, i) => s + i.quantity, 0))],
    [kg(totalWeight)],
    [money(totalValue)],
  ]);
  y += 3 * MM;
  doc
    .font(REGULAR)
    .fontSize(9)
    .text("Total gross weight (kg) / Общий вес брутто (кг): ____________", MARGIN, y, { width });
  y += 7 * MM;

  if (y > bottom - 60 * MM) {
    doc.addPage({ size: A4, margin: 0 });
    y = MARGIN;
  }

  // Category of item: a gift, with every item listed above and an explanation.
  doc.font(BOLD).fontSize(8.5).text("Category of item / Категория отправления", MARGIN, y, { width });
  y += 5 * MM;
  let x = MARGIN;
  x += checkbox(doc, x, y, true, "Gift / Подарок");
  x += checkbox(doc, x, y, false, "Documents / Документы");
  x += checkbox(doc, x, y, false, "Commercial sample / Коммерческий образец");
  y += 5.5 * MM;
  x = MARGIN;
  x += checkbox(doc, x, y, false, "Returned goods / Возврат товара");
  x += checkbox(doc, x, y, false, "Sale of goods / Продажа товара");
  checkbox(doc, x, y, false, "Other / Прочее");
  y += 7 * MM;
  doc
    .font(REGULAR)
    .fontSize(9)
    .text(
      "Explanation / Пояснение: personal items for the addressee's own use, not for sale; every item is listed above. " +
        "Личные вещи и продукты для собственного пользования получателя, не для продажи; каждый предмет указан выше.",
      MARGIN,
      y,
      { width },
    );
  y = doc.y + 6 * MM;

  // Declaration and signature.
  doc
    .font(REGULAR)
    .fontSize(8)
    .text(
      "I certify that the particulars given in this customs declaration are correct and that this item does not contain any dangerous article " +
        "or articles prohibited by legislation or by postal or customs regulations.",
      MARGIN,
      y,
      { width },
    );
  doc.text(
    "Я подтверждаю, что указанные в настоящей декларации сведения верны и что в этом отправлении нет опасных или запрещённых законодательством, " +
      "почтовыми или таможенными правилами предметов.",
    MARGIN,
    doc.y + 1.5 * MM,
    { width },
  );
  y = doc.y + 10 * MM;
  doc.font(REGULAR).fontSize(9).text("Date / Дата: ________________", MARGIN, y, { lineBreak: false });
  doc.text("Sender's signature / Подпись отправителя: ______________________", MARGIN + width / 2 - 10 * MM, y, {
    lineBreak: false,
  });

  doc.end();
  return done;
}
