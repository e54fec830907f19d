package cn.yunxi.kepu.region;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Village import files as a district official fills them in, and the removal of what a test imported (tests share
 * one database, and other tests count villages).
 */
public final class RegionFiles {

    private RegionFiles() {
    }

    /** The template's header and the given rows (town, code, name, kind, population; "" leaves a cell empty). */
    public static byte[] workbook(String[]... rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("村（社区）");
            Row header = sheet.createRow(0);
            for (int i = 0; i < RegionWorkbook.HEADERS.length; i++) {
                header.createCell(i).setCellValue(RegionWorkbook.HEADERS[i]);
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c].isEmpty()) {
                        continue;
                    }
                    // Populations typed into Excel are numbers; everything else text (codes are kept as text).
                    if (c == 4 && rows[r][c].matches("\\d+")) {
                        row.createCell(c).setCellValue(Integer.parseInt(rows[r][c]));
                    } else {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the villages a test imported and makes the tree forget them. */
    public static void remove(JdbcTemplate jdbc, RegionService regions, Collection<String> codes) {
        for (String code : codes) {
            jdbc.update("DELETE FROM region WHERE code = ? AND level = 'VILLAGE' AND sample_data = FALSE", code);
        }
        jdbc.update("UPDATE region_revision SET revision = revision + 1 WHERE id = 1");
        regions.invalidate();
    }
}
