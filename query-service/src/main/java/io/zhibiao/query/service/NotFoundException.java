package io.zhibiao.query.service;

/** The addressed document or region does not exist; answered as problem JSON 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String detail) {
        super(detail);
    }
}
