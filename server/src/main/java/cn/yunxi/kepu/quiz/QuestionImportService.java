package cn.yunxi.kepu.quiz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.resident.PopulationGroup;

/**
 * Question import from the downloadable Excel template. Every row is checked and every bad row reported with
 * its row number (as Excel shows it) and reasons. The good rows go in one transaction: all of them, or — in
 * ALL_OR_NOTHING mode — none when any row is bad.
 */
@Service
class QuestionImportService {

    static final String[] HEADERS = {"题型", "题干", "选项A", "选项B", "选项C", "选项D", "选项E", "选项F", "正确答案",
            "解析", "难度", "主题", "适用人群", "基准编号"};
    static final int MAX_ROWS = 2000;

    enum Mode { ALL_OR_NOTHING, VALID_ROWS }

    record RowError(int row, String reason) {
    }

    record Report(Mode mode, int totalRows, int imported, List<RowError> errors) {
    }

    private final QuestionBankService bank;
    private final TransactionTemplate transactions;

    QuestionImportService(QuestionBankService bank, TransactionTemplate transactions) {
        this.bank = bank;
        this.transactions = transactions;
    }

    Report importFrom(InputStream in, Mode mode, CurrentUser staff) {
        List<QuestionRules.Normalised> good = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        int total = 0;
        try (Workbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.CHINA);
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || isBlank(row, formatter)) {
                    continue;
                }
                total++;
                if (total > MAX_ROWS) {
                    throw new ApiException(QuizErrors.IMPORT_FILE_INVALID, "一次最多导入 " + MAX_ROWS + " 道题");
                }
                List<String> problems = new ArrayList<>();
                QuestionRequest request = parse(row, formatter, problems);
                if (request != null) {
                    problems.addAll(QuestionRules.check(request));
                }
                if (problems.isEmpty()) {
                    good.add(QuestionRules.normalise(request));
                } else {
                    errors.add(new RowError(r + 1, String.join("；", problems)));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw new ApiException(QuizErrors.IMPORT_FILE_INVALID);
        }
        if (good.isEmpty() || (mode == Mode.ALL_OR_NOTHING && !errors.isEmpty())) {
            return new Report(mode, total, 0, errors);
        }
        transactions.executeWithoutResult(status -> bank.insertChecked(good, staff));
        return new Report(mode, total, good.size(), errors);
    }

    private static QuestionRequest parse(Row row, DataFormatter f, List<String> problems) {
        String typeText = text(row, 0, f);
        QuestionType type = switch (typeText) {
            case "单选", "单选题", "SINGLE" -> QuestionType.SINGLE;
            case "多选", "多选题", "MULTIPLE" -> QuestionType.MULTIPLE;
            case "判断", "判断题", "TRUE_FALSE" -> QuestionType.TRUE_FALSE;
            default -> null;
        };
        if (type == null) {
            problems.add("题型应为 单选/多选/判断");
            return null;
        }
        List<String> options = new ArrayList<>();
        for (int c = 2; c <= 7; c++) {
            String option = text(row, c, f);
            if (!option.isEmpty()) {
                options.add(option);
            }
        }
        List<Integer> answer = answer(type, text(row, 8, f), problems);
        Integer difficulty = switch (text(row, 10, f)) {
            case "", "中", "2" -> 2;
            case "易", "1" -> 1;
            case "难", "3" -> 3;
            default -> {
                problems.add("难度应为 易/中/难");
                yield 2;
            }
        };
        List<PopulationGroup> groups = new ArrayList<>();
        for (String g : splitList(text(row, 12, f))) {
            PopulationGroup group = Arrays.stream(PopulationGroup.values())
                    .filter(p -> p.label().equals(g) || p.name().equalsIgnoreCase(g)).findFirst().orElse(null);
            if (group == null) {
                problems.add("适用人群“" + g + "”不认识");
            } else {
                groups.add(group);
            }
        }
        Integer benchmark = null;
        String benchmarkText = text(row, 13, f);
        if (!benchmarkText.isEmpty()) {
            try {
                benchmark = Integer.valueOf(benchmarkText.replaceAll("\\.0+$", ""));
            } catch (NumberFormatException e) {
                problems.add("基准编号应为 1 到 26 的数字");
            }
        }
        return new QuestionRequest(type, text(row, 1, f), options, answer, emptyToNull(text(row, 9, f)), difficulty,
                splitList(text(row, 11, f)), groups, benchmark, null);
    }

    private static List<Integer> answer(QuestionType type, String text, List<String> problems) {
        String t = text.replaceAll("[\\s,，、]", "").toUpperCase(Locale.ROOT);
        if (t.isEmpty()) {
            return List.of();
        }
        if (type == QuestionType.TRUE_FALSE) {
            return switch (t) {
                case "对", "正确", "√", "A", "TRUE", "T" -> List.of(0);
                case "错", "错误", "×", "B", "FALSE", "F" -> List.of(1);
                default -> {
                    problems.add("判断题答案应为 对 或 错");
                    yield List.of();
                }
            };
        }
        List<Integer> indexes = new ArrayList<>();
        for (char c : t.toCharArray()) {
            if (c < 'A' || c > 'F') {
                problems.add("正确答案应写选项字母，如 A 或 ACD");
                return List.of();
            }
            indexes.add(c - 'A');
        }
        return indexes;
    }

    private static List<String> splitList(String text) {
        return Arrays.stream(text.split("[,，、;；]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String text(Row row, int column, DataFormatter f) {
        Cell cell = row.getCell(column);
        return cell == null ? "" : f.formatCellValue(cell).strip();
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static boolean isBlank(Row row, DataFormatter f) {
        for (int c = 0; c < HEADERS.length; c++) {
            if (!text(row, c, f).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The template: header row, two example rows, and a sheet explaining each column. */
    byte[] template() {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("题目");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(HEADERS[i]);
                cell.setCellStyle(bold);
                sheet.setColumnWidth(i, i == 1 ? 40 * 256 : 14 * 256);
            }
            String[][] examples = {
                    {"单选", "家里燃气泄漏时，首先应该怎么做？", "打开电灯查看", "关闭阀门、开窗通风，到室外再报警", "开排气扇", "", "", "",
                            "B", "任何电火花都可能引发爆炸。", "易", "安全用气、应急", "", "20"},
                    {"判断", "雷雨天气在大树下避雨是安全的。", "", "", "", "", "", "", "错", "大树容易遭雷击。", "易", "应急",
                            "农民、老年人", "11"}};
            for (int r = 0; r < examples.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < examples[r].length; c++) {
                    row.createCell(c).setCellValue(examples[r][c]);
                }
            }
            Sheet help = workbook.createSheet("填写说明");
            String[] lines = {
                    "题型：单选 / 多选 / 判断（多选题须全部选对才得分）",
                    "选项A~选项F：单选、多选题至少填 2 个选项；判断题不填（固定为 正确/错误）",
                    "正确答案：填选项字母，如 B 或 ACD；判断题填 对 或 错",
                    "难度：易 / 中 / 难，不填为 中",
                    "主题、适用人群：多个用顿号分隔；适用人群可填 " + String.join("、",
                            Arrays.stream(PopulationGroup.values()).map(PopulationGroup::label).toList()) + "，不填表示所有人",
                    "基准编号：《中国公民科学素质基准》的基准序号 1~26，可不填",
                    "导入时逐行检查，错误的行会列出行号和原因；可选择“有错误则全部不导入”或“只导入正确的行”",
                    "示例行请删除后再导入"};
            for (int i = 0; i < lines.length; i++) {
                help.createRow(i).createCell(0).setCellValue(lines[i]);
            }
            help.setColumnWidth(0, 100 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
