import Hummingbird
import NIOCore

/// The request context the router runs with: Hummingbird's basics plus the
/// peer's address, which decides whether X-Forwarded-* headers are believed.
public struct FeedRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The peer's IP address as text ("127.0.0.1", "::1"), nil when unknown.
    var peerIP: String? { remoteAddress?.ipAddress }
}
