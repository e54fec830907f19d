package cn.yunxi.kepu.indicator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;

import cn.yunxi.kepu.common.persistence.ReplicaReads;
import cn.yunxi.kepu.indicator.DrillDownService.DrillDown;
import cn.yunxi.kepu.indicator.DrillDownService.RecordRow;
import cn.yunxi.kepu.indicator.FigureViews.Dashboard;
import cn.yunxi.kepu.indicator.FigureViews.Figure;

/** Excel files fit to hand in: the indicator report of a plan, and the records behind one indicator. */
@Service
class ExportService {

    /** The most rows one records export holds; a larger drill-down is cut and says so (headers and a note row). */
    static final int RECORDS_ROW_CAP = 20_000;

    /**
     * A records export: the file, how many rows the drill-down has, how many the file holds.
     */
    record RecordsFile(byte[] body, long total, int rows, int cap) {
        boolean truncated() {
            return total > rows;
        }
    }

    private final DashboardService dashboards;
    private final DrillDownService drillDowns;
    private final ReplicaReads replica;

    ExportService(DashboardService dashboards, DrillDownService drillDowns, ReplicaReads replica) {
        this.replica = replica;
        this.dashboards = dashboards;
        this.drillDowns = drillDowns;
    }

    /** On the read replica when one is configured ({@link ReplicaReads}). */
    byte[] indicatorReport(long planId) {
        return replica.read(() -> reportNow(planId));
    }

    private byte[] reportNow(long planId) {
        Dashboard d = dashboards.dashboard(planId);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles st = new Styles(wb);
            Sheet sheet = wb.createSheet("指标完成情况");
            String[] headers = {"序号", "指标", "所属章节", "单位", "目标值", "目标口径", "当前值", "完成率(%)", "时间进度(%)",
                    "状态", "牵头单位", "统计口径", "各年完成情况"};
            title(sheet, st, d.planName() + " 指标完成情况（截至 " + d.today() + "）", headers.length);
            header(sheet, st, headers);
            int r = 2;
            for (Figure f : d.indicators()) {
                Row row = sheet.createRow(r);
                text(row, 0, String.valueOf(r - 1), st.cell);
                text(row, 1, f.name(), st.cell);
                text(row, 2, f.sectionCode(), st.cell);
                text(row, 3, f.unit(), st.cell);
                number(row, 4, f.target(), st.cell);
                text(row, 5, f.targetText() + ("YEARLY".equals(f.targetBasis()) ? "，每年" : "，规划期"), st.cell);
                number(row, 6, f.value(), st.cell);
                number(row, 7, f.percentOfTarget(), st.cell);
                number(row, 8, f.elapsedPercent(), st.cell);
                text(row, 9, statusLabel(f.status()), st.cell);
                text(row, 10, f.leadUnit(), st.cell);
                text(row, 11, f.method() + (f.proxy() != null ? "；" + f.proxy().label() + "：" + f.proxy().interval() : ""),
                        st.cell);
                text(row, 12, years(f), st.cell);
                r++;
            }
            int[] widths = {6, 40, 16, 6, 10, 18, 10, 10, 10, 8, 18, 60, 40};
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RecordsFile records(long indicatorId, DrillDownService.Scope scope) {
        return records(indicatorId, scope, RECORDS_ROW_CAP);
    }

    /**
     * Written with SXSSF (a window of rows in memory, the rest flushed to a temporary file) up to {@code cap} rows.
     * On the read replica when one is configured ({@link ReplicaReads}).
     */
    RecordsFile records(long indicatorId, DrillDownService.Scope scope, int cap) {
        return replica.read(() -> recordsNow(indicatorId, scope, cap));
    }

    private RecordsFile recordsNow(long indicatorId, DrillDownService.Scope scope, int cap) {
        DrillDown dd = drillDowns.records(indicatorId, 0, cap, 1, scope);
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try {
            Styles st = new Styles(wb);
            Sheet sheet = wb.createSheet("明细");
            String[] headers = {"序号", "人员（化名）", "来源", "日期", "镇（街道）", "人群", "计入"};
            String note = dd.total() > dd.items().size()
                    ? "；共 " + dd.total() + " 条，只导出前 " + dd.items().size() + " 条，请缩小范围或分镇街导出" : "";
            title(sheet, st, dd.name() + " 明细（" + dd.counting() + "；合计 " + dd.total() + note + "）", headers.length);
            header(sheet, st, headers);
            int r = 2;
            for (RecordRow rec : dd.items()) {
                Row row = sheet.createRow(r);
                text(row, 0, String.valueOf(r - 1), st.cell);
                text(row, 1, rec.person(), st.cell);
                text(row, 2, rec.source(), st.cell);
                text(row, 3, rec.date() == null ? "" : rec.date().toString(), st.cell);
                text(row, 4, rec.town(), st.cell);
                text(row, 5, rec.populationGroup(), st.cell);
                number(row, 6, BigDecimal.valueOf(rec.counts()), st.cell);
                r++;
            }
            int[] widths = {8, 16, 40, 12, 14, 16, 6};
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            return new RecordsFile(bytes(wb), dd.total(), dd.items().size(), cap);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            wb.dispose();
        }
    }

    /** “2022 年 310（已完成）；2023 年 280（未完成）…” for a per-year target; empty for the others. */
    static String years(Figure f) {
        if (f.years() == null) {
            return "";
        }
        return f.years().stream().map(y -> y.year() + " 年 "
                + (y.value() == null ? "—" : y.value().stripTrailingZeros().toPlainString()) + "（"
                + (y.met() ? "已完成" : switch (y.phase()) {
                    case PAST -> "未完成";
                    case CURRENT -> "进行中";
                    case FUTURE -> "未开始";
                }) + "）").collect(java.util.stream.Collectors.joining("；"));
    }

    private static String statusLabel(FigureViews.Status s) {
        return switch (s) {
            case DONE -> "已完成";
            case ON_TRACK -> "进度正常";
            case BEHIND -> "滞后";
            case NO_DATA -> "待填报";
        };
    }

    private static void title(Sheet sheet, Styles st, String title, int columns) {
        Row row = sheet.createRow(0);
        text(row, 0, title, st.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
        row.setHeightInPoints(28);
    }

    private static void header(Sheet sheet, Styles st, String[] headers) {
        Row row = sheet.createRow(1);
        for (int i = 0; i < headers.length; i++) {
            text(row, i, headers[i], st.header);
        }
        sheet.createFreezePane(0, 2);
    }

    private static void text(Row row, int col, String value, CellStyle style) {
        var cell = row.createCell(col);
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(style);
    }

    private static void number(Row row, int col, BigDecimal value, CellStyle style) {
        var cell = row.createCell(col);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
        cell.setCellStyle(style);
    }

    private static byte[] bytes(Workbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle cell;

        Styles(Workbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = wb.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            header = bordered(wb);
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            cell = bordered(wb);
            cell.setWrapText(true);
        }

        private static CellStyle bordered(Workbook wb) {
            CellStyle s = wb.createCellStyle();
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            return s;
        }
    }
}
