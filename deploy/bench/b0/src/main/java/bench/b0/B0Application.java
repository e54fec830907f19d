package bench.b0;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The smallest useful Boot application: what the framework itself costs per request, with no feature code. */
@SpringBootApplication
@RestController
public class B0Application {

    private static final Map<String, Object> BODY = Map.of("status", "ok", "service", "b0",
            "note", "constant JSON of about one hundred bytes for the baseline");

    @GetMapping("/ping")
    Map<String, Object> ping() {
        return BODY;
    }

    public static void main(String[] args) {
        SpringApplication.run(B0Application.class, args);
    }
}
