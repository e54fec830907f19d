package cn.yunxi.kepu.indicator;

import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.crypto.PersonalDataCipher;
import cn.yunxi.kepu.resident.ResidentDeleted;

/**
 * How a drill-down names a person: "参与者 " and eight characters of a keyed hash of the person key, the same for all
 * of a person's records (so staff can tell people apart) and meaningless without the data key. Nothing a publisher
 * wrote about the person is kept. When the resident deletes their account, their records say "已注销用户" instead;
 * the person key stays, so every count stays as it was.
 */
@Component
class PersonLabelRepository {

    static final String DELETED = "已注销用户";

    private final PersonalDataCipher cipher;
    private final JdbcClient jdbc;

    PersonLabelRepository(PersonalDataCipher cipher, JdbcClient jdbc) {
        this.cipher = cipher;
        this.jdbc = jdbc;
    }

    /** {@code stored} is the record's label column: null, or the deletion marker. */
    String label(String personKey, String stored) {
        if (stored != null) {
            return stored;
        }
        return "参与者 " + cipher.lookupHash("drill-down:" + personKey).substring(0, 8).toUpperCase(Locale.ROOT);
    }

    @ApplicationModuleListener
    void on(ResidentDeleted event) {
        jdbc.sql("UPDATE participation_record SET person_label = ? WHERE resident_id = ?")
                .params(DELETED, event.residentId()).update();
    }
}
