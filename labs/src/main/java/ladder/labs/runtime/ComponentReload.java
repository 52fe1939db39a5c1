package ladder.labs.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import ladder.model.lab.CheckType;
import ladder.model.lab.ComponentSpec;
import ladder.model.lab.LabDefinition;
import org.jspecify.annotations.Nullable;

/**
 * Applying the workspace, the same on every runtime: render it (and hand it to the components), validate
 * each component's configuration with its kind's tool, and only when all are valid reload the components
 * that reload on {@code POST /-/reload} (see {@link ComponentRecipe}).
 */
final class ComponentReload {

    private ComponentReload() {}

    /**
     * @param render    renders the workspace where the components read it; the problem, or null
     * @param validate  runs a validator on a workspace file
     * @param url       {@code http://127.0.0.1:PORT} of a component
     * @param progress  told when the reload is done
     */
    static ApplyResult apply(LabDefinition lab, Supplier<@Nullable String> render,
                             BiFunction<String, CheckType.ConfigTool, ToolResult> validate, UnaryOperator<String> url,
                             HttpClient http, java.util.function.Consumer<String> progress) {
        // rendered first in any case: components without a config file (the sample service) watch their files
        String renderProblem = render.get();
        if (renderProblem != null) {
            return new ApplyResult(false, List.of(), renderProblem);
        }
        List<ToolResult> validations = new ArrayList<>();
        for (ComponentSpec component : lab.components()) {
            CheckType.ConfigTool tool = ComponentRecipe.of(component.kind()).configTool().orElse(null);
            if (component.config() == null || tool == null) {
                continue;
            }
            ToolResult result = validate.apply(component.config(), tool);
            validations.add(result);
            if (!result.valid()) {
                return new ApplyResult(false, validations, component.config() + " is not valid; " + component.name()
                        + " keeps its previous configuration. " + result.command() + " says:\n" + result.output());
            }
        }
        List<String> reloaded = new ArrayList<>();
        for (ComponentSpec component : lab.components()) {
            if (component.config() == null || !ComponentRecipe.of(component.kind()).reloadsOnPost()) {
                continue;
            }
            String reload = url.apply(component.name()) + "/-/reload";
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(reload)).timeout(Duration.ofSeconds(10))
                                .POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    return new ApplyResult(false, validations, component.name() + " refused to reload (status "
                            + response.statusCode() + "): " + response.body().strip());
                }
                reloaded.add(component.name());
            } catch (IOException e) {
                return new ApplyResult(false, validations, component.name() + " did not answer " + reload + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new ApplyResult(false, validations, "interrupted");
            }
        }
        String message = reloaded.isEmpty() ? "workspace rendered, nothing to reload" : String.join(", ", reloaded) + " reloaded";
        progress.accept(message);
        return new ApplyResult(true, validations, message);
    }

    /** Whether a component's readiness (or any) endpoint answers 200 now. */
    static boolean answers(HttpClient http, String url) {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(1)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabStartException("interrupted while waiting for the components", e);
        }
    }
}
