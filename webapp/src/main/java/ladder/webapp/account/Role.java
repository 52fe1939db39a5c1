package ladder.webapp.account;

/** What an account may do in Ladder. An account may hold several roles. */
public enum Role {
    /** Sees their own roadmap and ladder, self-assesses, runs labs. */
    LEARNER,
    /** Sees every learner, reviews assessments, edits roadmaps. */
    MENTOR,
    /** Manages accounts, roles, topics and lab runtimes. */
    ADMIN;

    /** Spring Security authority name, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Parses a role name in any case, e.g. {@code mentor}; throws with the allowed names otherwise. */
    public static Role parse(String name) {
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(name.strip())) {
                return role;
            }
        }
        throw new AccountException("unknown role '" + name + "': use LEARNER, MENTOR or ADMIN");
    }
}
