-- Each user's own look of the desktop app (theme, presentation mode, window, last pane) as flat keys,
-- read by settings.UserPreferences. Portable SQL: H2 2.x and PostgreSQL 15 both accept it.
CREATE TABLE user_preferences (
    username    VARCHAR(64) NOT NULL,
    pref_key    VARCHAR(100) NOT NULL,
    pref_value  VARCHAR(400) NOT NULL,
    PRIMARY KEY (username, pref_key)
);
