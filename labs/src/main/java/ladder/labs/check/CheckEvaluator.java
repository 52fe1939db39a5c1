package ladder.labs.check;

import ladder.model.lab.CheckType;

/** Evaluates one attempt of one check type. Implementations catch their own I/O errors into an outcome. */
interface CheckEvaluator {

    Outcome evaluate(CheckContext context) throws InterruptedException;

    static CheckEvaluator of(CheckType type) {
        return switch (type) {
            case CheckType.HttpProbe probe -> new HttpProbeCheck(probe);
            case CheckType.PromQl promQl -> new PromQlCheck(promQl);
            case CheckType.PromQlMatches matches -> new PromQlMatchesCheck(matches);
            case CheckType.AlertRule rule -> new AlertRuleCheck(rule);
            case CheckType.AlertmanagerDiscovered discovered -> new AlertmanagerDiscoveredCheck(discovered);
            case CheckType.RouteTest routes -> new RouteTestCheck(routes);
            case CheckType.TargetUp targetUp -> new TargetUpCheck(targetUp);
            case CheckType.AlertFiring alert -> new AlertFiringCheck(alert);
            case CheckType.ConfigValid config -> new ConfigValidCheck(config);
            case CheckType.TracePresent trace -> new TraceCheck(trace);
            case CheckType.TraceDuration duration -> new TraceDurationCheck(duration);
            case CheckType.FileContains file -> new FileContainsCheck(file);
            case CheckType.LogContains log -> new LogContainsCheck(log);
            case CheckType.PostgresLoad load -> new PostgresLoadCheck(load);
            case CheckType.LogQl logQl -> new LogQlCheck(logQl);
            case CheckType.TempoTrace trace -> new TempoTraceCheck(trace);
            case CheckType.ExemplarTrace exemplar -> new ExemplarTraceCheck(exemplar);
            case CheckType.GrafanaDatasource datasource -> new GrafanaDatasourceCheck(datasource);
            case CheckType.GrafanaPanel panel -> new GrafanaPanelCheck(panel);
        };
    }
}
