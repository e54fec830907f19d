package cn.yunxi.kepu.common.demodata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import cn.yunxi.kepu.support.SchemaDump;
import cn.yunxi.kepu.support.TestEngines;

/**
 * The migrations in sql/ build the schema and the reference data and nothing else; the demo data in sql/demo loads
 * on top of them and is all marked as sample.
 *
 * <p>The baseline (V1 to {@link #BASELINE}) must build exactly the schema and reference data recorded in
 * {@code db/baseline-schema.txt}, which the earlier migration history built. To compare any other history with it,
 * run this test with {@code -Dkepu.schema.migrations=filesystem:<dir> -Dkepu.schema.target=<its last version>}.
 */
class MigrationsIT {

    /** The last migration of the baseline: one clean file per feature, before any later change. */
    static final String BASELINE = "14";

    private static final Pattern NAME = Pattern.compile("V(\\d+)__[a-z0-9_]+\\.sql");

    private final TestEngines.Engines engines = TestEngines.get();

    @Test
    void theBaselineBuildsTheRecordedSchemaAndReferenceData() throws IOException {
        String url = engines.freshDatabase("baseline");
        Flyway.configure()
                .dataSource(url, engines.user(), engines.password())
                .locations(System.getProperty("kepu.schema.migrations", "classpath:db/migration"))
                .target(System.getProperty("kepu.schema.target", BASELINE))
                .validateMigrationNaming(true)
                .load().migrate();

        List<String> actual = SchemaDump.of(url, engines.user(), engines.password());
        // written out so a difference can be read (and, for a deliberate change, reviewed) as a file diff
        Path written = Path.of("target", "baseline-schema.actual.txt");
        Files.createDirectories(written.getParent());
        Files.write(written, actual, StandardCharsets.UTF_8);
        assertThat(actual).as("schema and reference data of the baseline; compare %s with %s",
                written.toAbsolutePath(), "server/src/test/resources/db/baseline-schema.txt")
                .containsExactlyElementsOf(recorded());
    }

    @Test
    void productionMigrationsShipNoSampleRows() {
        String url = engines.freshDatabase("prod");
        schema(url).migrate();
        JdbcTemplate db = new JdbcTemplate(dataSource(url));

        assertThat(db.queryForObject("SELECT COUNT(*) FROM region WHERE sample_data", Long.class)).isZero();
        assertThat(db.queryForObject("SELECT COUNT(*) FROM content_item WHERE sample_data", Long.class)).isZero();
        assertThat(db.queryForObject("SELECT COUNT(*) FROM quiz_question WHERE sample_data", Long.class)).isZero();
        // the reference data is there: the district and its towns, the units, the plan, the 科学素质基准
        assertThat(db.queryForObject("SELECT COUNT(*) FROM region WHERE level = 'TOWN'", Long.class)).isEqualTo(4);
        assertThat(db.queryForObject("SELECT COUNT(*) FROM org_unit", Long.class)).isPositive();
        assertThat(db.queryForObject("SELECT COUNT(*) FROM indicator", Long.class)).isPositive();
        assertThat(db.queryForObject("SELECT COUNT(*) FROM sci_benchmark", Long.class)).isEqualTo(26);
        assertThat(db.queryForObject("SELECT COUNT(*) FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?", Long.class,
                DemoDataConfig.HISTORY_TABLE)).isZero();
    }

    @Test
    void demoDataLoadsOnceOnTopOfTheSchemaAndIsAllMarkedSample() {
        String url = engines.freshDatabase("demo");
        schema(url).migrate();
        DriverManagerDataSource dataSource = dataSource(url);
        JdbcTemplate db = new JdbcTemplate(dataSource);
        long schemaMigrations = db.queryForObject("SELECT COUNT(*) FROM flyway_schema_history", Long.class);

        assertThat(DemoDataConfig.demoMigrations(dataSource).migrate().migrationsExecuted).isPositive();
        assertThat(DemoDataConfig.demoMigrations(dataSource).migrate().migrationsExecuted).isZero();

        assertThat(db.queryForObject("SELECT COUNT(*) FROM region WHERE level = 'VILLAGE' AND sample_data",
                Long.class)).isPositive();
        assertThat(db.queryForObject("SELECT COUNT(*) FROM region WHERE level = 'VILLAGE' AND NOT sample_data",
                Long.class)).isZero();
        assertThat(db.queryForObject("SELECT COUNT(*) FROM content_item WHERE sample_data", Long.class)).isPositive();
        assertThat(db.queryForObject("SELECT COUNT(*) FROM content_item WHERE NOT sample_data", Long.class)).isZero();
        assertThat(db.queryForObject("SELECT COUNT(*) FROM quiz_question WHERE sample_data", Long.class)).isPositive();
        assertThat(db.queryForObject("SELECT COUNT(*) FROM quiz_question WHERE NOT sample_data", Long.class)).isZero();
        // a sample emergency ends like a real one: pinned forever, it would crowd out a real alert
        assertThat(db.queryForObject("SELECT COUNT(*) FROM content_item WHERE emergency", Long.class)).isPositive();
        assertThat(db.queryForObject("SELECT COUNT(*) FROM content_item WHERE emergency AND emergency_until IS NULL",
                Long.class)).isZero();
        assertThat(db.queryForObject("SELECT COUNT(*) FROM flyway_schema_history", Long.class))
                .isEqualTo(schemaMigrations);
    }

    /**
     * Rows the migrations stamp with CURRENT_TIMESTAMP hold Shanghai time (as every DATETIME does), also in a database
     * whose first migrations ran in a UTC session, before every connection was set to +08:00.
     */
    @Test
    void seededRowsHoldShanghaiTimeEvenWhereTheFirstMigrationsRanInUtc() {
        String url = engines.freshDatabase("utc");
        Flyway.configure().dataSource(inZone(url, "UTC")).locations("classpath:db/migration").target(BASELINE)
                .validateMigrationNaming(true).load().migrate();
        JdbcTemplate shanghai = new JdbcTemplate(inZone(url, "+08:00"));
        assertThat(hoursAway(shanghai, "SELECT p.created_at FROM plan p WHERE p.code = 'YUNXI-2022-2025'"))
                .as("the baseline ran in UTC: its plan row is stamped eight hours early").isEqualTo(-8);

        Flyway.configure().dataSource(inZone(url, "+08:00")).locations("classpath:db/migration")
                .validateMigrationNaming(true).load().migrate();

        assertThat(shanghai.queryForObject("SELECT @@session.time_zone", String.class)).isEqualTo("+08:00");
        assertThat(hoursAway(shanghai, "SELECT p.created_at FROM plan p WHERE p.code = 'YUNXI-2022-2025'")).isZero();
        List<Long> indicators = shanghai.queryForList("SELECT i.id FROM indicator i JOIN plan p ON p.id = i.plan_id "
                + "WHERE p.code = 'YUNXI-2022-2025'", Long.class);
        assertThat(indicators).hasSizeGreaterThanOrEqualTo(15);
        for (Long id : indicators) {
            assertThat(hoursAway(shanghai, "SELECT created_at FROM indicator WHERE id = " + id)).as("indicator %s", id)
                    .isZero();
        }
    }

    /** Whole hours from the plan's seeding migration's run (an instant, read at +08:00) to the time the query reads. */
    static long hoursAway(JdbcTemplate shanghai, String stampQuery) {
        java.time.LocalDateTime stamp = shanghai.queryForObject(stampQuery, java.time.LocalDateTime.class);
        java.time.LocalDateTime installed = shanghai.queryForObject("SELECT installed_on FROM flyway_schema_history "
                + "WHERE description = 'plan 2022 2025'", java.time.LocalDateTime.class);
        return Math.round(java.time.Duration.between(installed, stamp).toSeconds() / 3600.0);
    }

    /** A data source whose sessions run in {@code zone}, whatever the server's own. */
    private DriverManagerDataSource inZone(String url, String zone) {
        DriverManagerDataSource ds = dataSource(url);
        java.util.Properties p = new java.util.Properties();
        p.setProperty("connectionTimeZone", zone);
        p.setProperty("forceConnectionTimeZoneToSession", "true");
        ds.setConnectionProperties(p);
        return ds;
    }

    @Test
    void migrationsAreNumberedOneAfterAnother() throws IOException {
        assertNumberedFromOne("classpath:db/migration/*.sql");
        assertNumberedFromOne("classpath:db/demo/*.sql");
    }

    private static void assertNumberedFromOne(String pattern) throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources(pattern);
        List<Integer> versions = Arrays.stream(files).map(f -> {
            Matcher m = NAME.matcher(f.getFilename());
            assertThat(m.matches()).as("%s is named V<next number>__<what, in snake_case>.sql", f.getFilename())
                    .isTrue();
            return Integer.valueOf(m.group(1));
        }).sorted().toList();
        assertThat(versions).as(pattern).isNotEmpty()
                .containsExactlyElementsOf(IntStream.rangeClosed(1, versions.size()).boxed().toList());
    }

    private Flyway schema(String url) {
        return Flyway.configure().dataSource(url, engines.user(), engines.password())
                .locations("classpath:db/migration").validateMigrationNaming(true).load();
    }

    private DriverManagerDataSource dataSource(String url) {
        return new DriverManagerDataSource(url, engines.user(), engines.password());
    }

    private static List<String> recorded() throws IOException {
        try (InputStream in = MigrationsIT.class.getResourceAsStream("/db/baseline-schema.txt")) {
            assertThat(in).as("db/baseline-schema.txt on the test classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
