package cn.yunxi.kepu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class KepuApplication {

    public static void main(String[] args) {
        SpringApplication.run(KepuApplication.class, args);
    }
}
