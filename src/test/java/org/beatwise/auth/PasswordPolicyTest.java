package org.beatwise.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyTest {

    private static final PasswordPolicy POLICY = PasswordPolicy.standard();

    @Test
    void shipsAtLeastTheThousandMostCommonPasswords() {
        assertTrue(POLICY.commonCount() >= 1000, "common list has " + POLICY.commonCount());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "alice | short1!         | Password must be at least 12 characters (it has 7).",
            "alice | my-alice-is-long | Password must not contain the username.",
            "alice | ALICEwonderland9 | Password must not contain the username.",
            "bob   | qwerty123456     | Password is on the list of commonly used passwords.",
            "bob   | LeaveMeAlone     | Password is on the list of commonly used passwords.",
    })
    void namesTheFirstBrokenRule(String user, String password, String expected) {
        List<String> problems = POLICY.problems(user, password);
        assertEquals(expected, problems.get(0), problems.toString());
    }

    @Test
    void aLongUncommonPasswordWithoutTheUsernamePasses() {
        assertEquals(List.of(), POLICY.problems("alice", "granite-harbour-74"));
    }

    @Test
    void reportsEveryBrokenRuleAtOnce() {
        assertEquals(2, POLICY.problems("ann", "ann123").size());
    }

    @Test
    void bcryptsLimitIsCountedInUtf8BytesNotCharacters() {
        assertEquals(List.of(), POLICY.problems("alice", "granite-harbour-" + "x".repeat(56)), "72 bytes is fine");
        assertEquals(List.of("Password must be at most 72 bytes (it has 73; letters beyond plain English take 2 to 4 bytes each)."),
                POLICY.problems("alice", "granite-harbour-" + "x".repeat(57)));
        assertEquals(List.of(), POLICY.problems("alice", "ü".repeat(36)), "36 characters, 72 bytes");
        assertEquals(1, POLICY.problems("alice", "ü".repeat(37)).size(), "37 characters, 74 bytes");
    }
}
