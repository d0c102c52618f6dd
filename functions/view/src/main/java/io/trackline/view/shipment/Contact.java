package io.trackline.view.shipment;

/** How to reach the recipient: {@code phone} in E.164. Only the tenant that registered the shipment sees it. */
public record Contact(String email, String phone) {
}
