/// Expected SVG output for the golden tests in `FigureTests`.
///
/// To regenerate after an intended change, run
/// `SWEEP_PLOT_RECORD_GOLDEN=/tmp/golden swift test --filter FigureTests`, look at the files written
/// there, and paste them here.
enum Golden {
    static let lineChart = #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="320" height="200" viewBox="0 0 320 200" font-family="Helvetica, Arial, sans-serif">
          <defs>
            <clipPath id="see6ea981-c1"><rect x="54.22" y="27.2" width="191.81" height="124.7"/></clipPath>
          </defs>
          <rect width="100%" height="100%" fill="#ffffff"/>
          <line x1="54.22" y1="27.2" x2="54.22" y2="151.9" stroke="#e5e5e5" stroke-width="1"/>
          <line x1="102.18" y1="27.2" x2="102.18" y2="151.9" stroke="#e5e5e5" stroke-width="1"/>
          <line x1="150.13" y1="27.2" x2="150.13" y2="151.9" stroke="#e5e5e5" stroke-width="1"/>
          <line x1="198.08" y1="27.2" x2="198.08" y2="151.9" stroke="#e5e5e5" stroke-width="1"/>
          <line x1="246.04" y1="27.2" x2="246.04" y2="151.9" stroke="#e5e5e5" stroke-width="1"/>
          <line x1="54.22" y1="151.9" x2="246.04" y2="151.9" stroke="#e5e5e5" stroke-width="1"/>
          <line x1="54.22" y1="120.73" x2="246.04" y2="120.73" stroke="#e5e5e5" stroke-width="1"/>
          <line x1="54.22" y1="89.55" x2="246.04" y2="89.55" stroke="#e5e5e5" stroke-width="1"/>
          <line x1="54.22" y1="58.37" x2="246.04" y2="58.37" stroke="#e5e5e5" stroke-width="1"/>
          <line x1="54.22" y1="27.2" x2="246.04" y2="27.2" stroke="#e5e5e5" stroke-width="1"/>
          <rect x="54.22" y="27.2" width="191.81" height="124.7" fill="none" stroke="#888888" stroke-width="1"/>
          <line x1="54.22" y1="151.9" x2="54.22" y2="156.9" stroke="#222222" stroke-width="1"/>
          <text x="54.22" y="168.25" font-size="11" text-anchor="middle">1</text>
          <line x1="102.18" y1="151.9" x2="102.18" y2="156.9" stroke="#222222" stroke-width="1"/>
          <text x="102.18" y="168.25" font-size="11" text-anchor="middle">1.5</text>
          <line x1="150.13" y1="151.9" x2="150.13" y2="156.9" stroke="#222222" stroke-width="1"/>
          <text x="150.13" y="168.25" font-size="11" text-anchor="middle">2</text>
          <line x1="198.08" y1="151.9" x2="198.08" y2="156.9" stroke="#222222" stroke-width="1"/>
          <text x="198.08" y="168.25" font-size="11" text-anchor="middle">2.5</text>
          <line x1="246.04" y1="151.9" x2="246.04" y2="156.9" stroke="#222222" stroke-width="1"/>
          <text x="246.04" y="168.25" font-size="11" text-anchor="middle">3</text>
          <line x1="49.22" y1="151.9" x2="54.22" y2="151.9" stroke="#222222" stroke-width="1"/>
          <text x="47.22" y="155.75" font-size="11" text-anchor="end">0.2</text>
          <line x1="49.22" y1="120.73" x2="54.22" y2="120.73" stroke="#222222" stroke-width="1"/>
          <text x="47.22" y="124.58" font-size="11" text-anchor="end">0.4</text>
          <line x1="49.22" y1="89.55" x2="54.22" y2="89.55" stroke="#222222" stroke-width="1"/>
          <text x="47.22" y="93.4" font-size="11" text-anchor="end">0.6</text>
          <line x1="49.22" y1="58.37" x2="54.22" y2="58.37" stroke="#222222" stroke-width="1"/>
          <text x="47.22" y="62.22" font-size="11" text-anchor="end">0.8</text>
          <line x1="49.22" y1="27.2" x2="54.22" y2="27.2" stroke="#222222" stroke-width="1"/>
          <text x="47.22" y="31.05" font-size="11" text-anchor="end">1</text>
          <text x="150.13" y="186.19" font-size="12.1" text-anchor="middle">epoch</text>
          <text x="20.1" y="89.55" font-size="12.1" text-anchor="middle" transform="rotate(-90 20.1 89.55)">loss</text>
          <text x="150.13" y="19.2" font-size="13.2" text-anchor="middle" font-weight="bold">Loss &lt;train &amp; test&gt;</text>
          <g clip-path="url(#see6ea981-c1)">
            <path d="M54.22 27.2L150.13 97.34L246.04 133.2L246.04 139.43L150.13 112.93L54.22 58.37Z" fill="#e69f00" opacity="0.2"/>
            <path d="M54.22 42.79L150.13 105.14L246.04 136.31" fill="none" stroke="#e69f00" stroke-width="2" stroke-linejoin="round"/>
            <path d="M54.22 27.2L150.13 73.96L246.04 89.55" fill="none" stroke="#56b4e9" stroke-width="2" stroke-linejoin="round"/>
          </g>
          <line x1="262.04" y1="35.45" x2="278.04" y2="35.45" stroke="#e69f00" stroke-width="2.5"/>
          <text x="284.04" y="39.3" font-size="11">train</text>
          <line x1="262.04" y1="51.95" x2="278.04" y2="51.95" stroke="#56b4e9" stroke-width="2.5"/>
          <text x="284.04" y="55.8" font-size="11">test</text>
        </svg>

        """#

    static let parallelCoordinates = #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="360" height="220" viewBox="0 0 360 220" font-family="Helvetica, Arial, sans-serif">
          <defs>
            <linearGradient id="scc8866b0-g1" x1="0" y1="1" x2="0" y2="0"><stop offset="0" stop-color="#440154"/><stop offset="0.0313" stop-color="#450c5e"/><stop offset="0.0625" stop-color="#471769"/><stop offset="0.0938" stop-color="#482273"/><stop offset="0.125" stop-color="#462c7a"/><stop offset="0.1563" stop-color="#44367f"/><stop offset="0.1875" stop-color="#424085"/><stop offset="0.2188" stop-color="#3f4988"/><stop offset="0.25" stop-color="#3b528a"/><stop offset="0.2813" stop-color="#375a8c"/><stop offset="0.3125" stop-color="#34628d"/><stop offset="0.3438" stop-color="#306a8d"/><stop offset="0.375" stop-color="#2d728e"/><stop offset="0.4063" stop-color="#297a8e"/><stop offset="0.4375" stop-color="#27818d"/><stop offset="0.4688" stop-color="#24898d"/><stop offset="0.5" stop-color="#21918c"/><stop offset="0.5313" stop-color="#21988a"/><stop offset="0.5625" stop-color="#229f87"/><stop offset="0.5938" stop-color="#22a785"/><stop offset="0.625" stop-color="#2bae7f"/><stop offset="0.6563" stop-color="#35b579"/><stop offset="0.6875" stop-color="#40bc73"/><stop offset="0.7188" stop-color="#4ec26a"/><stop offset="0.75" stop-color="#5fc861"/><stop offset="0.7813" stop-color="#70ce57"/><stop offset="0.8125" stop-color="#82d34c"/><stop offset="0.8438" stop-color="#97d73e"/><stop offset="0.875" stop-color="#acdc31"/><stop offset="0.9063" stop-color="#c1e026"/><stop offset="0.9375" stop-color="#d5e226"/><stop offset="0.9688" stop-color="#e9e525"/><stop offset="1" stop-color="#fde725"/></linearGradient>
          </defs>
          <rect width="100%" height="100%" fill="#ffffff"/>
          <text x="180" y="20.3" font-size="14.3" text-anchor="middle" font-weight="bold">sweep</text>
          <g fill="none" stroke-width="1.5" stroke-opacity="0.75">
            <path d="M46.82 66.9L157.3 89.75L267.78 181.15" fill="none" stroke="#440154"/>
            <path d="M46.82 204L157.3 181.15L267.78 89.75" fill="none" stroke="#b6dd2b"/>
            <path d="M46.82 135.45L157.3 89.75L267.78 78.33" fill="none" stroke="#fde725"/>
          </g>
          <line x1="46.82" y1="66.9" x2="46.82" y2="204" stroke="#222222" stroke-width="1.2"/>
          <line x1="42.82" y1="204" x2="46.82" y2="204" stroke="#222222" stroke-width="1"/>
          <text x="40.82" y="207.85" font-size="9.9" text-anchor="end" fill="#ffffff" stroke="#ffffff" stroke-width="2.48" stroke-linejoin="round">0.001</text>
          <text x="40.82" y="207.85" font-size="9.9" text-anchor="end">0.001</text>
          <line x1="42.82" y1="135.45" x2="46.82" y2="135.45" stroke="#222222" stroke-width="1"/>
          <text x="40.82" y="139.3" font-size="9.9" text-anchor="end" fill="#ffffff" stroke="#ffffff" stroke-width="2.48" stroke-linejoin="round">0.01</text>
          <text x="40.82" y="139.3" font-size="9.9" text-anchor="end">0.01</text>
          <line x1="42.82" y1="66.9" x2="46.82" y2="66.9" stroke="#222222" stroke-width="1"/>
          <text x="40.82" y="70.75" font-size="9.9" text-anchor="end" fill="#ffffff" stroke="#ffffff" stroke-width="2.48" stroke-linejoin="round">0.1</text>
          <text x="40.82" y="70.75" font-size="9.9" text-anchor="end">0.1</text>
          <text x="46.82" y="56.9" font-size="11" text-anchor="middle" font-weight="bold">lr</text>
          <line x1="157.3" y1="66.9" x2="157.3" y2="204" stroke="#222222" stroke-width="1.2"/>
          <line x1="153.3" y1="181.15" x2="157.3" y2="181.15" stroke="#222222" stroke-width="1"/>
          <text x="151.3" y="185" font-size="9.9" text-anchor="end" fill="#ffffff" stroke="#ffffff" stroke-width="2.48" stroke-linejoin="round">relu</text>
          <text x="151.3" y="185" font-size="9.9" text-anchor="end">relu</text>
          <line x1="153.3" y1="89.75" x2="157.3" y2="89.75" stroke="#222222" stroke-width="1"/>
          <text x="151.3" y="93.6" font-size="9.9" text-anchor="end" fill="#ffffff" stroke="#ffffff" stroke-width="2.48" stroke-linejoin="round">swish</text>
          <text x="151.3" y="93.6" font-size="9.9" text-anchor="end">swish</text>
          <text x="157.3" y="56.9" font-size="11" text-anchor="middle" font-weight="bold">act</text>
          <line x1="267.78" y1="66.9" x2="267.78" y2="204" stroke="#222222" stroke-width="1.2"/>
          <line x1="263.78" y1="204" x2="267.78" y2="204" stroke="#222222" stroke-width="1"/>
          <text x="261.78" y="207.85" font-size="9.9" text-anchor="end" fill="#ffffff" stroke="#ffffff" stroke-width="2.48" stroke-linejoin="round">0.4</text>
          <text x="261.78" y="207.85" font-size="9.9" text-anchor="end">0.4</text>
          <line x1="263.78" y1="158.3" x2="267.78" y2="158.3" stroke="#222222" stroke-width="1"/>
          <text x="261.78" y="162.15" font-size="9.9" text-anchor="end" fill="#ffffff" stroke="#ffffff" stroke-width="2.48" stroke-linejoin="round">0.6</text>
          <text x="261.78" y="162.15" font-size="9.9" text-anchor="end">0.6</text>
          <line x1="263.78" y1="112.6" x2="267.78" y2="112.6" stroke="#222222" stroke-width="1"/>
          <text x="261.78" y="116.45" font-size="9.9" text-anchor="end" fill="#ffffff" stroke="#ffffff" stroke-width="2.48" stroke-linejoin="round">0.8</text>
          <text x="261.78" y="116.45" font-size="9.9" text-anchor="end">0.8</text>
          <line x1="263.78" y1="66.9" x2="267.78" y2="66.9" stroke="#222222" stroke-width="1"/>
          <text x="261.78" y="70.75" font-size="9.9" text-anchor="end" fill="#ffffff" stroke="#ffffff" stroke-width="2.48" stroke-linejoin="round">1</text>
          <text x="261.78" y="70.75" font-size="9.9" text-anchor="end">1</text>
          <text x="267.78" y="56.9" font-size="11" text-anchor="middle" font-weight="bold">acc</text>
          <rect x="291.78" y="66.9" width="12" height="137.1" fill="url(#scc8866b0-g1)" stroke="#888888" stroke-width="0.5"/>
          <line x1="303.78" y1="173.53" x2="307.78" y2="173.53" stroke="#222222" stroke-width="1"/>
          <text x="309.78" y="177.38" font-size="11">0.6</text>
          <line x1="303.78" y1="112.6" x2="307.78" y2="112.6" stroke="#222222" stroke-width="1"/>
          <text x="309.78" y="116.45" font-size="11">0.8</text>
          <text x="339.95" y="135.45" font-size="12.1" text-anchor="middle" transform="rotate(90 339.95 135.45)">acc</text>
        </svg>

        """#
}
