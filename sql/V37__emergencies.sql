-- 应急科普: emergencies published by the district to the whole district or chosen towns/villages, with a banner in
-- the mini-program until read and a WeChat subscribe message to residents of the target who accepted one.

-- Pre-approved texts a district admin publishes with one typed confirmation. The rows below are examples
-- (example = TRUE, names start with 示例): general safety advice the district reviews, then keeps, edits or retires.
CREATE TABLE emergency_template (
  id          BIGINT         NOT NULL AUTO_INCREMENT,
  hazard      VARCHAR(16)    NOT NULL,
  name        VARCHAR(40)    NOT NULL,
  title       VARCHAR(40)    NOT NULL,
  body        VARCHAR(1000)  NOT NULL,
  example     BOOLEAN        NOT NULL DEFAULT FALSE,
  active      BOOLEAN        NOT NULL DEFAULT TRUE,
  updated_by  BIGINT         NULL COMMENT 'staff account; NULL for the seeded examples',
  created_at  DATETIME(3)    NOT NULL,
  updated_at  DATETIME(3)    NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_emergency_template_name (name),
  CONSTRAINT ck_emergency_template_hazard CHECK (hazard IN ('RAINSTORM', 'FLOOD', 'HEAT', 'EARTHQUAKE',
      'FOREST_FIRE', 'OTHER'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One emergency. Free text waits (PENDING) for a second district admin; a template is published by its author
-- after a typed confirmation. "Ended" is not a status: an emergency is over once ends_at has passed (ending early
-- moves ends_at to that moment), so nothing has to run for it to leave residents' screens.
CREATE TABLE emergency (
  id              BIGINT         NOT NULL AUTO_INCREMENT,
  source          VARCHAR(16)    NOT NULL,
  template_id     BIGINT         NULL,
  title           VARCHAR(40)    NOT NULL,
  body            VARCHAR(1000)  NOT NULL,
  status          VARCHAR(16)    NOT NULL,
  whole_district  BOOLEAN        NOT NULL,
  ends_at         DATETIME(3)    NOT NULL,
  drafted_by      BIGINT         NOT NULL COMMENT 'staff account',
  drafted_at      DATETIME(3)    NOT NULL,
  approved_by     BIGINT         NULL COMMENT 'second district admin (free text) or the author confirming a template',
  approved_at     DATETIME(3)    NULL,
  published_at    DATETIME(3)    NULL,
  ended_by        BIGINT         NULL,
  reject_reason   VARCHAR(200)   NULL,
  PRIMARY KEY (id),
  KEY idx_emergency_live (status, ends_at),
  CONSTRAINT fk_emergency_template FOREIGN KEY (template_id) REFERENCES emergency_template (id),
  CONSTRAINT ck_emergency_source CHECK (source IN ('TEMPLATE', 'FREE_TEXT')),
  CONSTRAINT ck_emergency_status CHECK (status IN ('PENDING', 'PUBLISHED', 'REJECTED')),
  CONSTRAINT ck_emergency_template_source CHECK (source = 'FREE_TEXT' OR template_id IS NOT NULL),
  -- the author never approves their own free text
  CONSTRAINT ck_emergency_second_person CHECK (source = 'TEMPLATE' OR approved_by IS NULL OR approved_by <> drafted_by),
  CONSTRAINT ck_emergency_published CHECK (status <> 'PUBLISHED' OR (published_at IS NOT NULL AND approved_by IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The towns and villages an emergency is for (none when whole_district).
CREATE TABLE emergency_target (
  emergency_id  BIGINT       NOT NULL,
  region_code   VARCHAR(12)  NOT NULL,
  PRIMARY KEY (emergency_id, region_code),
  CONSTRAINT fk_emergency_target FOREIGN KEY (emergency_id) REFERENCES emergency (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who did what, when: drafted, confirmed (template), approved, rejected, ended early.
CREATE TABLE emergency_audit (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  emergency_id  BIGINT       NOT NULL,
  action        VARCHAR(16)  NOT NULL,
  staff_id      BIGINT       NOT NULL,
  at            DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  KEY idx_emergency_audit (emergency_id, id),
  CONSTRAINT fk_emergency_audit FOREIGN KEY (emergency_id) REFERENCES emergency (id),
  CONSTRAINT ck_emergency_audit_action CHECK (action IN ('DRAFTED', 'CONFIRMED', 'APPROVED', 'REJECTED', 'ENDED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- How many emergency messages a resident accepted and has not yet received (one per acceptance, WeChat's rule).
CREATE TABLE emergency_quota (
  resident_id  BIGINT       NOT NULL,
  remaining    INT          NOT NULL DEFAULT 0,
  updated_at   DATETIME(3)  NOT NULL,
  PRIMARY KEY (resident_id),
  CONSTRAINT ck_emergency_quota CHECK (remaining >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One message per emergency and subscribed resident of its target. Claimed PENDING -> SENDING by a conditional
-- update, so two instances never send the same one; one left in SENDING by a crash becomes UNKNOWN, never resent.
CREATE TABLE emergency_notice (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  emergency_id  BIGINT       NOT NULL,
  resident_id   BIGINT       NOT NULL,
  status        VARCHAR(16)  NOT NULL DEFAULT 'PENDING',
  due_at        DATETIME(3)  NOT NULL,
  attempts      INT          NOT NULL DEFAULT 0,
  claim_token   CHAR(36)     NULL,
  claimed_at    DATETIME(3)  NULL,
  sent_at       DATETIME(3)  NULL,
  error_code    INT          NULL,
  created_at    DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_emergency_notice (emergency_id, resident_id),
  KEY idx_emergency_notice_due (status, due_at),
  KEY idx_emergency_notice_claim (claim_token),
  KEY idx_emergency_notice_resident (resident_id),
  CONSTRAINT fk_emergency_notice FOREIGN KEY (emergency_id) REFERENCES emergency (id),
  CONSTRAINT ck_emergency_notice_status CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'REFUSED', 'NO_QUOTA',
      'FAILED', 'UNKNOWN', 'SKIPPED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The resident tapped 我知道了 on the banner.
CREATE TABLE emergency_read (
  emergency_id  BIGINT       NOT NULL,
  resident_id   BIGINT       NOT NULL,
  read_at       DATETIME(3)  NOT NULL,
  PRIMARY KEY (emergency_id, resident_id),
  KEY idx_emergency_read_resident (resident_id),
  CONSTRAINT fk_emergency_read FOREIGN KEY (emergency_id) REFERENCES emergency (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO emergency_template (hazard, name, title, body, example, active, updated_by, created_at, updated_at) VALUES
  ('RAINSTORM', '示例：暴雨预警', '暴雨预警：请减少外出', '气象部门发布暴雨预警。请尽量留在室内，远离河道、低洼地和山体边坡；不要涉水通过积水路段和下穿通道；家中备好手电和饮用水。如遇险情请拨打 119 或 110。', TRUE, TRUE, NULL, NOW(3), NOW(3)),
  ('FLOOD', '示例：洪水防御', '洪水来临：请听从转移安排', '江河水位持续上涨。住在低洼地带和河边的居民请听从村（社区）干部安排，带好证件和常用药品及时转移到安置点；不要返回危险区域取物；不要在河边观水、捕鱼。', TRUE, TRUE, NULL, NOW(3), NOW(3)),
  ('HEAT', '示例：高温防暑', '高温天气：注意防暑降温', '近期持续高温。老人、儿童和慢性病患者请避免在 11 时至 16 时外出和劳作；多喝温开水，不要等口渴再喝；出现头晕、恶心、大量出汗等中暑症状时，立即到阴凉处休息，严重时拨打 120。', TRUE, TRUE, NULL, NOW(3), NOW(3)),
  ('EARTHQUAKE', '示例：地震避险', '地震发生：就近躲避、震后撤离', '发生地震时不要慌乱，不要跳楼，不要乘电梯；在室内就近躲到坚固的桌子下或内墙角，护住头部；震动停止后迅速撤到空旷地带，远离建筑物、电线杆和广告牌。', TRUE, TRUE, NULL, NOW(3), NOW(3)),
  ('FOREST_FIRE', '示例：森林火险', '森林火险高：严禁野外用火', '当前森林火险等级高。进山入林严禁携带火种，严禁烧荒、烧秸秆、祭祀烧纸和燃放烟花爆竹；发现山火请立即拨打 12119 或 119 报警，不要自行扑救，迅速向山下、逆风方向撤离。', TRUE, TRUE, NULL, NOW(3), NOW(3));
