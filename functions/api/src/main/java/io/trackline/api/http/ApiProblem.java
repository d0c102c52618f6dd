package io.trackline.api.http;

import io.trackline.aws.http.Problem;

/** Thrown anywhere below the router to answer with a problem+json; carries no stack trace, it is not a failure. */
public final class ApiProblem extends RuntimeException {
    private final transient Problem problem;

    public ApiProblem(Problem problem) {
        super(problem.type() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
