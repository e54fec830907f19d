package cn.yunxi.kepu.console;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.Logins;

/**
 * Where every console page test starts: the running server, its database, and a district admin's token with which
 * the test makes the accounts it then logs in with in the browser.
 */
abstract class ConsolePageSupport {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    String admin;

    @BeforeEach
    void connectAsDistrictAdmin() {
        api = new ApiClient(port);
        admin = Logins.districtAdminToken(api);
    }
}
