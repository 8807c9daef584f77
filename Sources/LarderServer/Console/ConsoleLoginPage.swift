/// The sign-in page: one password field for a token with the `read_online` permission.
enum ConsoleLoginPage {
    /// The page.
    /// - Parameters:
    ///   - layout: the frame.
    ///   - next: where to go after signing in (a console path).
    ///   - failure: why the last attempt failed, if it did.
    /// - Returns: the document.
    static func render(layout: ConsoleLayout, next: String, failure: String?) -> HTML {
        let alert: HTML = failure.map { "<p class=\"error\" role=\"alert\">\($0)</p>" } ?? ""
        return layout.page(
            title: "Sign in", section: nil,
            body: """
                <p>This feature server asks for a token. Enter a token with the <code>read_online</code> \
                permission (from <code>server.auth.tokens</code> of <code>feature_store.yaml</code>); the browser \
                keeps it in a cookie for this site until you sign out.</p>
                \(alert)
                <form class="login" method="post" action="\(ConsoleRoutes.root)/login">
                <input type="hidden" name="next" value="\(next)">
                <div class="field"><label for="token">Token</label>
                <input id="token" name="token" type="password" autocomplete="current-password" required></div>
                <button type="submit">Sign in</button>
                </form>
                """)
    }
}
