namespace PleoUxGuard.FakePleo;

/// <summary>Where a request carried a key.</summary>
public enum KeyLocation
{
    None,
    AuthorizationHeader,
    Url,
}
