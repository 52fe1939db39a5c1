package ladder.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ladder.webapp.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Memory per signed-in UI session, from outside: starts the packaged jar, then for each view (the roadmap, the
 * ladder) signs {@code bench.sessions} (default 24) learners in with a headless Chromium each, one after the
 * other, opens the view and waits for it, then kills that browser without closing the page (so the server keeps
 * the session and its UI, as it does for a tab left open, until the heartbeats are missed). The app's heap after a
 * full GC ({@code jcmd GC.run}, then {@code GC.heap_info}) before and after each view's sessions, divided by the
 * number of sessions, is the figure; two sessions on each view before the first measurement warm the classes and
 * caches up. Printed and written to {@code target/bench/session-memory.md}.
 */
public final class SessionMemoryBenchmark {

    public static void main(String[] args) throws Exception {
        int sessions = Integer.getInteger("bench.sessions", 24);
        if (!new java.io.File("/usr/bin/chromium").canExecute() || !new java.io.File("/usr/bin/chromedriver").canExecute()) {
            System.out.println("[ladder] SKIPPED: the session memory benchmark needs Debian's chromium and "
                    + "chromium-driver (apt-get install chromium chromium-driver)");
            return;
        }
        try (BenchApp app = BenchApp.start("session-memory-app.log", "-Xmx768m")) {
            String admin = BenchApp.basic("admin", BenchApp.ADMIN_PASSWORD);
            int warmUp = 2;
            for (int i = 0; i < 2 * (sessions + warmUp); i++) {
                app.account(admin, "mem" + i, "[\"LEARNER\"]");
            }
            int next = 0;
            for (String view : List.of("roadmap", "ladder")) {
                for (int i = 0; i < warmUp; i++) {
                    session(app, "mem" + next++, view);
                }
            }
            StringBuilder table = new StringBuilder("| view | sessions | open sessions (Tomcat) before → after | "
                    + "heap after GC before | after | per session |\n|---|---:|---|---:|---:|---:|\n");
            List<String> lines = new ArrayList<>();
            for (String view : List.of("roadmap", "ladder")) {
                long before = heapAfterGc(app);
                String openBefore = openSessions(app, admin);
                for (int i = 0; i < sessions; i++) {
                    session(app, "mem" + next++, view);
                }
                long after = heapAfterGc(app);
                String line = String.format(Locale.ROOT, "| /%s | %d | %s → %s | %.1f MB | %.1f MB | %.0f kB |%n", view,
                        sessions, openBefore, openSessions(app, admin), before / 1024.0 / 1024, after / 1024.0 / 1024,
                        (after - before) / 1024.0 / sessions);
                lines.add(line);
                table.append(line);
            }
            String load = Files.readString(Path.of("/proc/loadavg")).strip();
            String report = "Memory per UI session (" + Runtime.getRuntime().availableProcessors() + " CPUs, load average "
                    + load + "; heap used after a full GC, jcmd GC.heap_info)\n\n" + table;
            System.out.println(report);
            Files.writeString(app.out.resolve("session-memory.md"), report);
        }
    }

    /** Tomcat's count of open HTTP sessions, from the app's own metrics: the sessions are still held. */
    private static String openSessions(BenchApp app, String admin) {
        String metrics = app.send(admin, "GET", "/actuator/prometheus", null).body();
        Matcher active = Pattern.compile("(?m)^tomcat_sessions_active_current_sessions(?:\\{[^}]*})? ([0-9.]+)").matcher(metrics);
        return active.find() ? Long.toString(Math.round(Double.parseDouble(active.group(1)))) : "?";
    }

    /** Signs {@code username} in, opens the view, waits until it is shown, and kills the browser. */
    private static void session(BenchApp app, String username, String view) {
        Browser browser = Browser.open(app.port);
        try {
            browser.signIn(username, BenchApp.PASSWORD);
            browser.go("/" + view);
            WebDriverWait wait = new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30));
            if (view.equals("roadmap")) {
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#roadmap-graph svg")));
            } else {
                wait.until(d -> d.getCurrentUrl().contains("/" + view));
            }
        } finally {
            killBrowsers(); // not quit(): closing the page would tell the server to drop the UI
        }
    }

    /** Kills every Chromium and ChromeDriver this JVM started, at once (no page is closed cleanly). */
    private static void killBrowsers() {
        ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.contains("chrom")).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
        ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.contains("chrom")).orElse(false))
                .forEach(p -> p.onExit().join());
    }

    /** The app's heap in use after two full collections, in bytes. */
    private static long heapAfterGc(BenchApp app) throws IOException, InterruptedException {
        Path jcmd = Path.of(BenchApp.java()).resolveSibling("jcmd");
        String pid = Long.toString(app.process.pid());
        for (int i = 0; i < 2; i++) {
            run(jcmd.toString(), pid, "GC.run");
            Thread.sleep(500);
        }
        String info = run(jcmd.toString(), pid, "GC.heap_info");
        Matcher used = Pattern.compile("heap\\s+total[^\\n]*?used (\\d+)K").matcher(info);
        if (!used.find()) {
            throw new IllegalStateException("no heap use in: " + info);
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
