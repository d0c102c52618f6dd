package io.trackline.local.iam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A policy as moto can enforce it. moto checks a request's resource only for SQS, IAM and STS; for every other service
 * it checks the action against Resource {@code *}, so a statement scoped to a table or topic would deny what AWS allows.
 * Such a statement is split by service: SQS, IAM and STS actions keep their resources, the others get {@code *}, and
 * each widening is recorded (printed at start, README "Local cloud") so that nothing is widened silently. Actions are
 * still enforced for every service.
 * <p>
 * moto also asks for {@code dynamodb:TransactWriteItems} and {@code dynamodb:TransactGetItems}, which IAM does not have:
 * AWS checks each item of a transaction against its own action (PutItem, UpdateItem, DeleteItem, ConditionCheckItem,
 * GetItem). A statement allowing any of the write item actions also allows TransactWriteItems locally, one allowing
 * GetItem TransactGetItems (recorded too): locally a transaction needs one of its item actions, on AWS all of them.
 */
final class MotoScope {
    static final Set<String> RESOURCE_CHECKED = Set.of("sqs", "iam", "sts");

    private MotoScope() {
    }

    @SuppressWarnings("unchecked")
    static Object of(Object document, String role, List<String> widened) {
        if (!(document instanceof Map<?, ?> map) || !(map.get("Statement") instanceof List<?> statements)) return document;
        List<Object> scoped = new ArrayList<>();
        for (Object statement : statements) {
            if (!(statement instanceof Map<?, ?> s) || !s.containsKey("Action") || "*".equals(s.get("Resource"))) {
                scoped.add(statement);
                continue;
            }
            Map<Boolean, List<String>> byChecked = new TreeMap<>();
            List<Object> granted = new ArrayList<>(s.get("Action") instanceof List<?> list ? list : List.of(s.get("Action")));
            transactions(granted, role, widened);
            for (Object action : granted) {
                String text = String.valueOf(action);
                boolean checked = RESOURCE_CHECKED.contains(text.substring(0, Math.max(0, text.indexOf(':'))));
                byChecked.computeIfAbsent(checked, k -> new ArrayList<>()).add(text);
            }
            byChecked.forEach((checked, actions) -> {
                Map<String, Object> part = new LinkedHashMap<>((Map<String, Object>) s);
                part.put("Action", actions);
                if (!checked) {
                    widened.add(role + ": " + String.join(",", actions) + " on " + s.get("Resource") + " -> *");
                    part.put("Resource", "*");
                }
                scoped.add(part);
            });
        }
        Map<String, Object> result = new LinkedHashMap<>((Map<String, Object>) map);
        result.put("Statement", scoped);
        return result;
    }

    private static final Set<String> WRITE_ITEM = Set.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
            "dynamodb:ConditionCheckItem");

    private static void transactions(List<Object> actions, String role, List<String> widened) {
        if (actions.stream().anyMatch(WRITE_ITEM::contains) && !actions.contains("dynamodb:TransactWriteItems")) {
            actions.add("dynamodb:TransactWriteItems");
            widened.add(role + ": + dynamodb:TransactWriteItems (moto's name for a transaction of the item actions it allows)");
        }
        if (actions.contains("dynamodb:GetItem") && !actions.contains("dynamodb:TransactGetItems")) {
            actions.add("dynamodb:TransactGetItems");
            widened.add(role + ": + dynamodb:TransactGetItems (moto's name for a transaction of GetItem)");
        }
    }

}
