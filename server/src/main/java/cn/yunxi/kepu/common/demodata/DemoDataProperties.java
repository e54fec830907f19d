package cn.yunxi.kepu.common.demodata;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sample material: illustrative villages, articles and questions (rows with sample_data = TRUE) that make a fresh
 * system show something. Both switches are off unless set: a production database holds only reference data, and
 * even where sample rows exist, residents never meet them unless they are shown on purpose.
 *
 * @param load    load the demo data (classpath:db/demo) after the migrations: the zero-setup run, the tests, a
 *                staging deployment (KEPU_DEMO_DATA=true)
 * @param visible let residents and the plan's figures see sample rows (KEPU_DEMO_DATA_VISIBLE=true); when off,
 *                sample villages, items and questions are left out of every resident-facing read, every draw of
 *                questions and every per-village figure
 */
@ConfigurationProperties("kepu.demo-data")
public record DemoDataProperties(boolean load, boolean visible) {
}
