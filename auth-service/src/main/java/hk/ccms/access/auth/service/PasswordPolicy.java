package hk.ccms.access.auth.service;

import hk.ccms.access.auth.config.AuthConfig;
import hk.ccms.access.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * NIST SP 800-63B password rules: a length window counted in Unicode code points, any characters
 * allowed, no composition or rotation rules, and a blocklist of common, breached and
 * context-specific words (the person's own user ID, name and e-mail).
 */
@ApplicationScoped
public class PasswordPolicy {

    private final int minLength;
    private final int maxLength;
    private final Set<String> blocklist;

    public PasswordPolicy(AuthConfig config) {
        this.minLength = config.password().minLength();
        this.maxLength = config.password().maxLength();
        this.blocklist = loadBlocklist();
    }

    /** The person's facts that must not be the password. */
    public record Context(String userId, String displayName, String email) {
    }

    /** The rules of the policy, each with the words the problem answer gives when it is broken. */
    public enum Rule {
        MIN_LENGTH("Use at least %d characters."),
        MAX_LENGTH("Use at most %d characters."),
        NO_CONTROL_CHARACTERS("Control characters are not allowed."),
        NOT_COMMON("This password is too common or too easy to guess."),
        NOT_PERSONAL("Do not use your user ID, name or e-mail address in your password.");

        private final String message;

        Rule(String message) {
            this.message = message;
        }
    }

    /** Whether one rule is met, for feedback while the person types. */
    public record RuleCheck(Rule rule, boolean met) {
    }

    public List<RuleCheck> evaluate(String password, Context context) {
        String normalised = Normalizer.normalize(password, Normalizer.Form.NFKC);
        int length = normalised.codePointCount(0, normalised.length());
        String core = core(normalised);
        return List.of(
                new RuleCheck(Rule.MIN_LENGTH, length >= minLength),
                new RuleCheck(Rule.MAX_LENGTH, length <= maxLength),
                new RuleCheck(Rule.NO_CONTROL_CHARACTERS, normalised.chars().noneMatch(Character::isISOControl)),
                new RuleCheck(Rule.NOT_COMMON, !isBlocklisted(core) && normalised.codePoints().distinct().count() > 2),
                new RuleCheck(Rule.NOT_PERSONAL, !containsContext(normalised.toLowerCase(Locale.ROOT), context)));
    }

    public List<String> violations(String password, Context context) {
        return evaluate(password, context).stream()
                .filter(check -> !check.met())
                .map(check -> message(check.rule()))
                .toList();
    }

    private String message(Rule rule) {
        return switch (rule) {
            case MIN_LENGTH -> rule.message.formatted(minLength);
            case MAX_LENGTH -> rule.message.formatted(maxLength);
            default -> rule.message;
        };
    }

    public void check(String password, Context context) {
        List<String> violations = violations(password, context);
        if (!violations.isEmpty()) {
            throw new ProblemException(AuthProblemType.PASSWORD_POLICY,
                    "The new password does not meet the password policy.").with("violations", violations);
        }
    }

    private boolean isBlocklisted(String core) {
        if (blocklist.contains(core) || isSequence(core)) {
            return true;
        }
        List<String> words = Arrays.stream(core.split("[^\\p{L}]+")).filter(word -> !word.isEmpty()).toList();
        if (!words.isEmpty() && blocklist.containsAll(words)) {
            return true;
        }
        for (String word : blocklist) {
            if (core.length() % word.length() == 0 && word.repeat(core.length() / word.length()).equals(core)) {
                return true;
            }
        }
        return false;
    }

    /** Lower-cased, without the digits and symbols people put around a weak word ("Password2023!"). */
    private static String core(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        int start = 0;
        int end = lower.length();
        while (start < end && !Character.isLetter(lower.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(lower.charAt(end - 1))) {
            end--;
        }
        return start == end ? lower : lower.substring(start, end);
    }

    /** "123456789012", "abcdefghijkl", "987654321098": each character one step from the last. */
    private static boolean isSequence(String text) {
        int[] points = text.codePoints().toArray();
        boolean ascending = true;
        boolean descending = true;
        for (int i = 1; i < points.length; i++) {
            int step = points[i] - points[i - 1];
            ascending &= step == 1 || (step == -9 && points[i] == '0');
            descending &= step == -1 || (step == 9 && points[i] == '9');
        }
        return points.length > 1 && (ascending || descending);
    }

    private static boolean containsContext(String lowerPassword, Context context) {
        List<String> words = new ArrayList<>();
        words.add(context.userId());
        if (context.email() != null) {
            words.add(context.email());
            words.add(context.email().split("@", 2)[0]);
        }
        if (context.displayName() != null) {
            words.addAll(List.of(context.displayName().split("\\s+")));
        }
        return words.stream()
                .filter(Objects::nonNull)
                .map(word -> word.toLowerCase(Locale.ROOT))
                .filter(word -> word.length() >= 4)
                .anyMatch(lowerPassword::contains);
    }

    private static Set<String> loadBlocklist() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/password-blocklist.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(in), StandardCharsets.UTF_8))) {
            reader.lines().map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .forEach(words::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
