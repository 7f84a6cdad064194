package bench.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring Boot web app as most users run one: embedded Tomcat, Spring MVC, Jackson. The benchmark times it from
 * process start to the first answer of {@code GET /cpus}, whose JSON carries the CPU count the app sees, so that
 * every timed run is also checked (the rewriting variant must answer 1). {@code GET /exit} ends it cleanly, for the
 * runs that train a CDS archive or an AOT cache, which are written when the JVM exits.
 */
@SpringBootApplication
@RestController
public class WebApp {

    private final ApplicationContext context;

    public WebApp(ApplicationContext context) {
        this.context = context;
    }

    public static void main(String[] args) {
        SpringApplication.run(WebApp.class, args);
    }

    @GetMapping("/cpus")
    public Map<String, Object> cpus() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("cpus", Runtime.getRuntime().availableProcessors());
        answer.put("parallelism", ForkJoinPool.commonPool().getParallelism());
        return answer;
    }

    @GetMapping("/exit")
    public String exit() {
        Thread exit = new Thread(() -> System.exit(SpringApplication.exit(context, () -> 0)));
        exit.start();
        return "bye";
    }
}
