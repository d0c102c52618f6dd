package io.trackline.local.bench;

import java.util.Map;

/** The floor anchor of LambdaBench: a handler that returns a constant, packaged alone. */
public class ConstantHandler {
    public String handleRequest(Map<String, Object> event) {
        return "ok";
    }
}
