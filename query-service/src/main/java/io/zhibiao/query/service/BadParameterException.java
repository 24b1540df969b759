package io.zhibiao.query.service;

/** A request parameter the API cannot use; answered as problem JSON 400 naming the parameter. */
public class BadParameterException extends RuntimeException {

    private final String parameter;

    public BadParameterException(String parameter, String detail) {
        super(detail);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
