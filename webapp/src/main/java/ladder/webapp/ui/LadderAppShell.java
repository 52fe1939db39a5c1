package ladder.webapp.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/** The page around every view: Lumo plus Ladder's own plain CSS (no npm build, see README). */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@StyleSheet("styles/ladder.css")
@StyleSheet("styles/knowledge-ladder.css")
@StyleSheet("styles/roadmap.css")
@StyleSheet("styles/labs.css")
@Push // a lab session shows its components coming up, and its checks' results, as they happen
public class LadderAppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Ladder");
        settings.addMetaTag("description", "Learn infrastructure and observability together");
    }
}
