package cn.yunxi.kepu.common.persistence;

import javax.sql.DataSource;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.support.SQLErrorCodesFactory;
import org.springframework.stereotype.Component;

/**
 * MyBatis translates SQL exceptions with Spring's error codes, which are looked up from the database's metadata the
 * first time one is translated: during an outage that lookup itself waits the pool's whole connection timeout, and
 * fails, so every failing request waited twice. Looked up once at startup (the database is up then), they are
 * cached for the data source and a failure is answered as soon as it happens.
 */
@Component
class SqlErrorCodesWarmUp {

    private final DataSource dataSource;

    SqlErrorCodesWarmUp(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @EventListener(ApplicationReadyEvent.class)
    void lookUpNow() {
        SQLErrorCodesFactory.getInstance().getErrorCodes(dataSource);
    }
}
