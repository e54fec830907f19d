-- Organiser mode: a staff account bound to one resident (WeChat) login of the mini-program. Rows are never
-- deleted: each is the record of one binding, who made it and when and why it ended (the audit trail).

CREATE TABLE organiser_binding (
  id                 BIGINT       NOT NULL AUTO_INCREMENT,
  staff_id           BIGINT       NOT NULL,
  resident_id        BIGINT       NULL COMMENT 'NULL once the resident deleted their account',
  -- set only while the binding is active: one active binding per staff account and per WeChat
  active_staff_id    BIGINT       NULL,
  active_resident_id BIGINT       NULL,
  bound_at           DATETIME(3)  NOT NULL,
  bound_from         VARCHAR(64)  NULL COMMENT 'client address the binding was made from',
  ended_at           DATETIME(3)  NULL,
  end_reason         VARCHAR(20)  NULL COMMENT 'UNBOUND, REPLACED, STAFF_DISABLED, RESIDENT_DELETED',
  PRIMARY KEY (id),
  UNIQUE KEY uk_organiser_binding_staff (active_staff_id),
  UNIQUE KEY uk_organiser_binding_resident (active_resident_id),
  KEY idx_organiser_binding_staff (staff_id, bound_at),
  KEY idx_organiser_binding_resident_hist (resident_id),
  CONSTRAINT fk_organiser_binding_staff FOREIGN KEY (staff_id) REFERENCES staff_account (id),
  CONSTRAINT ck_organiser_binding_active CHECK (
    (ended_at IS NULL AND end_reason IS NULL AND active_staff_id = staff_id AND active_resident_id = resident_id)
    OR (ended_at IS NOT NULL AND end_reason IN ('UNBOUND', 'REPLACED', 'STAFF_DISABLED', 'RESIDENT_DELETED')
        AND active_staff_id IS NULL AND active_resident_id IS NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
