#!/usr/bin/env bash
# fetch.sh OUTDIR
#
# Regenerates the "realcode" benchmark corpus: real, public, hand-written C#
# libraries taken from Debian source packages (upstream .orig tarballs, checked
# by SHA-256 against the Debian .dsc), plus one minimal SDK-style csproj per
# library targeting net10.0.
#
#   OUTDIR/newtonsoft-json/Newtonsoft.Json.Bench.csproj   (Json.NET 6.0.8)
#   OUTDIR/log4net/log4net.Bench.csproj                   (Apache log4net 1.2.10)
#   OUTDIR/nunit/nunit.framework.Bench.csproj             (NUnit 2.6.4 framework)
#
# bench/AnalyzerCost runs this with --real-code (docs/performance.md). The sources are downloaded each
# time they are missing, never committed: Json.NET is MIT, log4net Apache-2.0, NUnit 2.6 under the
# NUnit licence (zlib-style). Upstream files are compiled unchanged; what .NET 10 lacks is excluded or
# supplied by a marked file under <lib>/bench-compat/, each with its reason below.
# Build each with:  dotnet build <csproj> -c Release
# Network needed: deb.debian.org (sources) and the NuGet registry (restore only).
set -euo pipefail

OUT="${1:?usage: fetch.sh OUTDIR}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
DL="$OUT/_downloads"
mkdir -p "$DL"

# name | pool path | orig tarball | sha256 (from the .dsc) | .dsc (informational)
SOURCES=(
  "newtonsoft-json|n/newtonsoft-json|newtonsoft-json_6.0.8+dfsg.orig.tar.gz|3b7c77da971bbe1c6fdbb5cbb634d106a86aa30c82647abd9b23d2f31be0c630|newtonsoft-json_6.0.8+dfsg-1.1.dsc"
  "log4net|l/log4net|log4net_1.2.10+dfsg.orig.tar.gz|2d4c7599556f30650392a8a1bf3a489438f4d1efd97574d2423ad6bcdc09a11b|log4net_1.2.10+dfsg-10.dsc"
  "nunit|n/nunit|nunit_2.6.4+dfsg.orig.tar.bz2|daebaa04b4a4ccd2ecf120e8d6f315ef51092d06a6aa42223a12fc2cee3dd361|nunit_2.6.4+dfsg-1.1.dsc"
)

for entry in "${SOURCES[@]}"; do
  IFS='|' read -r name pool tarball sha dsc <<<"$entry"
  if [ ! -f "$DL/$tarball" ] || ! echo "$sha  $DL/$tarball" | sha256sum -c --quiet - 2>/dev/null; then
    echo ">> downloading $tarball"
    curl -sSfL -o "$DL/$tarball.part" "$MIRROR/pool/main/$pool/$tarball"
    mv "$DL/$tarball.part" "$DL/$tarball"
  fi
  echo "$sha  $DL/$tarball" | sha256sum -c --quiet -
  # the .dsc is only kept for reference (the pool may already have dropped it)
  [ -f "$DL/$dsc" ] || curl -sSfL -o "$DL/$dsc" "$MIRROR/pool/main/$pool/$dsc" 2>/dev/null || rm -f "$DL/$dsc"
  rm -rf "${OUT:?}/$name"
  mkdir -p "$OUT/$name"
  tar -C "$OUT/$name" --strip-components=1 -xf "$DL/$tarball"
  echo ">> unpacked $name"
done

# Isolate the corpus from any Directory.Build.* / packages props further up the tree (the benchmark
# replaces Directory.Build.props with its own, which keeps each contender's obj/ and bin/ apart).
printf '<Project>\n</Project>\n' > "$OUT/Directory.Build.props"
printf '<Project>\n</Project>\n' > "$OUT/Directory.Build.targets"
printf '<Project>\n</Project>\n' > "$OUT/Directory.Packages.props"

# Common csproj header -------------------------------------------------------
common_props() { # $1 AssemblyName  $2 RootNamespace  $3 extra DefineConstants
cat <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Library</OutputType>
    <AssemblyName>$1</AssemblyName>
    <RootNamespace>$2</RootNamespace>
    <Nullable>disable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <LangVersion>latest</LangVersion>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <EnableNETAnalyzers>false</EnableNETAnalyzers>
    <GenerateAssemblyInfo>false</GenerateAssemblyInfo>
    <EnableDefaultItems>false</EnableDefaultItems>
    <AllowUnsafeBlocks>true</AllowUnsafeBlocks>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <DefineConstants>\$(DefineConstants);$3</DefineConstants>
EOF
}

# CallContext shim (used by log4net and NUnit; absent from .NET Core) --------
write_callcontext_shim() { # $1 target dir
mkdir -p "$1"
cat > "$1/CallContextShim.cs" <<'EOF'
// Benchmark compat shim (NOT part of the upstream code base): .NET (Core) has no
// System.Runtime.Remoting.Messaging.CallContext; provide the two members the
// library uses (GetData/SetData) on top of AsyncLocal.
namespace System.Runtime.Remoting.Messaging
{
	internal static class CallContext
	{
		private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, System.Threading.AsyncLocal<object>> s_slots =
			new System.Collections.Concurrent.ConcurrentDictionary<string, System.Threading.AsyncLocal<object>>();

		public static object GetData(string name)
		{
			System.Threading.AsyncLocal<object> slot;
			return s_slots.TryGetValue(name, out slot) ? slot.Value : null;
		}

		public static void SetData(string name, object data)
		{
			s_slots.GetOrAdd(name, delegate { return new System.Threading.AsyncLocal<object>(); }).Value = data;
		}
	}
}
EOF
}

# 1. Newtonsoft.Json 6.0.8 ----------------------------------------------------
{
common_props Newtonsoft.Json Newtonsoft.Json "TRACE"
cat <<'EOF'
  </PropertyGroup>
  <ItemGroup>
    <!-- System.Security.Permissions: ReflectionPermission/SecurityPermission (JsonTypeReflector) -->
    <PackageReference Include="System.Security.Permissions" Version="10.0.11" />
  </ItemGroup>
  <ItemGroup>
    <Compile Include="Src/Newtonsoft.Json/**/*.cs" />
  </ItemGroup>
</Project>
EOF
} > "$OUT/newtonsoft-json/Newtonsoft.Json.Bench.csproj"

# 2. log4net 1.2.10 -------------------------------------------------------------
write_callcontext_shim "$OUT/log4net/bench-compat"
cat > "$OUT/log4net/bench-compat/AppDomainSetupShim.cs" <<'EOF'
// Benchmark compat shim (NOT part of log4net): AppDomainSetup.ConfigurationFile
// does not exist on .NET (Core); supply it as a C# 14 extension property so
// log4net.Util.SystemInfo compiles unchanged.
namespace log4net.Util
{
	internal static class AppDomainSetupShim
	{
		extension(System.AppDomainSetup setup)
		{
			public string ConfigurationFile
			{
				get { return System.IO.Path.Combine(System.AppContext.BaseDirectory, System.AppDomain.CurrentDomain.FriendlyName + ".config"); }
			}
		}
	}
}
EOF
{
common_props log4net log4net "TRACE;NET;NET_2_0"
cat <<'EOF'
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="System.Configuration.ConfigurationManager" Version="10.0.11" />
    <PackageReference Include="System.Diagnostics.EventLog" Version="10.0.11" />
  </ItemGroup>
  <ItemGroup>
    <Compile Include="src/**/*.cs" />
    <!-- .NET Remoting (System.Runtime.Remoting.Messaging/IMessageSink) does not exist on .NET 10 -->
    <Compile Remove="src/Appender/RemotingAppender.cs" />
    <Compile Remove="src/Plugin/RemoteLoggingServerPlugin.cs" />
    <!-- classic ASP.NET (System.Web.HttpContext) -->
    <Compile Remove="src/Appender/AspNetTraceAppender.cs" />
    <!-- System.Security.Principal.WindowsImpersonationContext removed in .NET Core -->
    <Compile Remove="src/Util/WindowsSecurityContext.cs" />
    <Compile Include="bench-compat/*.cs" />
  </ItemGroup>
</Project>
EOF
} > "$OUT/log4net/log4net.Bench.csproj"

# 3. NUnit 2.6.4 framework ------------------------------------------------------
write_callcontext_shim "$OUT/nunit/bench-compat"
cat > "$OUT/nunit/bench-compat/AssemblyInfoSubstitute.cs" <<'EOF'
// Benchmark substitute (NOT part of NUnit) for src/NUnitFramework/framework/AssemblyInfo.cs,
// which is excluded only because its [AssemblyKeyFile("../../nunit.snk")] cannot be
// resolved by an SDK-style build (CS7027). The non-signing attributes are kept as-is.
using System;
using System.Security;

[assembly: CLSCompliant(true)]
[assembly: AllowPartiallyTrustedCallers]
EOF
{
common_props nunit.framework NUnit.Framework "TRACE;CLR_2_0;CLR_4_0;NET_4_5;CS_5_0"
cat <<'EOF'
    <!-- BinarySerializableConstraint uses BinaryFormatter (SYSLIB0011 is an error by default) -->
    <NoWarn>$(NoWarn);SYSLIB0011</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <Compile Include="src/NUnitFramework/framework/**/*.cs" />
    <Compile Include="src/CommonAssemblyInfo.cs" />
    <!-- only carries strong-name signing attributes; replaced by bench-compat/AssemblyInfoSubstitute.cs -->
    <Compile Remove="src/NUnitFramework/framework/AssemblyInfo.cs" />
    <Compile Include="bench-compat/*.cs" />
  </ItemGroup>
</Project>
EOF
} > "$OUT/nunit/nunit.framework.Bench.csproj"

echo ">> done. Build with e.g.:"
echo "   cd $OUT && for p in newtonsoft-json/Newtonsoft.Json.Bench.csproj log4net/log4net.Bench.csproj nunit/nunit.framework.Bench.csproj; do dotnet build \$p -c Release; done"
