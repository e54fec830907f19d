-- Drill-downs no longer show the label a publisher gave (it held the masked phone and the account number, and
-- outlived the account): they show a pseudonym derived from the person key, and "已注销用户" once the resident has
-- deleted their account. Counts are unchanged: they go by person_key, which stays.
UPDATE participation_record SET person_label = NULL;
UPDATE participation_record p JOIN resident r ON r.id = p.resident_id
   SET p.person_label = '已注销用户'
 WHERE r.status = 'DELETED';
