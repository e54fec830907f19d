package cn.yunxi.kepu.region;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.yunxi.kepu.common.web.ApiException;

/** The Excel side of the village import: the template to download, and the rows of a filled-in file as text. */
final class RegionWorkbook {

    static final String[] HEADERS = {"所属镇（街道）", "村（社区）代码", "村（社区）名称", "类型", "户籍人口"};
    static final int MAX_ROWS = 3000;

    /** One non-blank row of the file, cells as shown in Excel. {@code rowNumber} is Excel's (the header is 1). */
    record SheetRow(int rowNumber, String town, String code, String name, String kind, String population) {
    }

    private RegionWorkbook() {
    }

    static List<SheetRow> read(InputStream in) {
        List<SheetRow> rows = new ArrayList<>();
        try (Workbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.CHINA);
            Row header = sheet.getRow(0);
            List<String> found = new ArrayList<>();
            for (int c = 0; c < HEADERS.length; c++) {
                found.add(header == null ? "" : text(header, c, formatter));
            }
            if (!found.equals(List.of(HEADERS))) {
                throw new ApiException(RegionErrors.IMPORT_FILE_INVALID,
                        "第 1 行应为表头：" + String.join("、", HEADERS) + "。请下载模板，在其中填写后再导入");
            }
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                SheetRow parsed = new SheetRow(r + 1, text(row, 0, formatter), text(row, 1, formatter),
                        text(row, 2, formatter), text(row, 3, formatter), text(row, 4, formatter));
                if (String.join("", parsed.town(), parsed.code(), parsed.name(), parsed.kind(), parsed.population())
                        .isEmpty()) {
                    continue;
                }
                if (rows.size() == MAX_ROWS) {
                    throw new ApiException(RegionErrors.IMPORT_FILE_INVALID,
                            "一次最多导入 " + MAX_ROWS + " 个村（社区），请分几个文件导入");
                }
                rows.add(parsed);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw new ApiException(RegionErrors.IMPORT_FILE_INVALID);
        }
        return rows;
    }

    private static String text(Row row, int column, DataFormatter formatter) {
        Cell cell = row.getCell(column);
        // Excel and WPS paste non-breaking and full-width spaces; neither belongs in a name or a code.
        return cell == null ? "" : formatter.formatCellValue(cell).replace('\u00a0', ' ').replace('\u3000', ' ').strip();
    }

    /** The template: the header, two example rows, and a sheet that explains each column and the current towns. */
    static byte[] template(List<RegionInfo> towns) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("村（社区）");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle textFormat = workbook.createCellStyle();
            // Codes are twelve digits: as numbers Excel would show them in scientific notation.
            textFormat.setDataFormat(workbook.createDataFormat().getFormat("@"));
            sheet.setDefaultColumnStyle(1, textFormat);
            Row header = sheet.createRow(0);
            int[] widths = {18, 18, 24, 8, 12};
            for (int i = 0; i < HEADERS.length; i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(HEADERS[i]);
                cell.setCellStyle(bold);
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            String[][] examples = {{"陆城镇", "430603100201", "示例村", "村", "2380"},
                    {"云溪街道", "430603001001", "示例社区", "社区", ""}};
            for (int r = 0; r < examples.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < examples[r].length; c++) {
                    Cell cell = row.createCell(c);
                    if (c == 4 && !examples[r][c].isEmpty()) {
                        cell.setCellValue(Integer.parseInt(examples[r][c]));
                    } else {
                        cell.setCellValue(examples[r][c]);
                    }
                    if (c == 1) {
                        cell.setCellStyle(textFormat);
                    }
                }
            }
            Sheet help = workbook.createSheet("填写说明");
            List<String> lines = new ArrayList<>(List.of(
                    "每行一个村（社区）。示例行请删除后再导入；一次最多 " + MAX_ROWS + " 行。",
                    "所属镇（街道）：填镇（街道）的名称或 9 位代码，须是下列之一：",
                    "村（社区）代码：国家统计局《统计用区划代码》的 12 位代码，前 9 位是所属镇（街道）的代码。",
                    "村（社区）名称：如 白泥村、云溪社区；同一镇（街道）内不能重名。",
                    "类型：村 或 社区。",
                    "户籍人口：不小于 0 的整数，不知道可以不填（参与率等按人口计算的数字会不显示该村）。",
                    "再次导入同一文件不会重复：代码已有的村（社区）按文件更新名称、类型、人口；文件中没有的村（社区）不会删除。",
                    "任何一行有错误时整个文件都不导入，页面会列出每个错误的行号和原因；改正后重新上传即可。",
                    "代码与样例村（社区）相同的行会替换该样例，替换后不再是样例数据。"));
            for (RegionInfo town : towns) {
                lines.add(2 + towns.indexOf(town), "    " + town.name() + "  " + town.code());
            }
            for (int i = 0; i < lines.size(); i++) {
                help.createRow(i).createCell(0).setCellValue(lines.get(i));
            }
            help.setColumnWidth(0, 110 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
