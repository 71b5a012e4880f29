/// Expected report sections for the golden tests in `ReportTests` (regenerate with
/// `SWEEP_REPORT_RECORD_GOLDEN=/tmp/golden swift test --filter ReportTests`, check, paste).
enum ReportGolden {
    static let curves = #"""
        <p class="note">One line per setting of lr; colour: lr.</p>
        <div class="charts">
        <figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" width="600" height="340" viewBox="0 0 600 340" font-family="Helvetica, Arial, sans-serif">
          <defs>
            <clipPath id="s849cc1de-c1"><rect x="35.68" y="28.4" width="476.31" height="261.4"/></clipPath>
          </defs>
          <rect width="100%" height="100%" fill="#ffffff"/>
          <line x1="35.68" y1="28.4" x2="35.68" y2="289.8" stroke="#e5e5e5" stroke-width="1"/>
          <line x1="130.94" y1="28.4" x2="130.94" y2="289.8" stroke="#e5e5e5" stroke-width="1"/>
          <line x1="226.21" y1="28.4" x2="226.21" y2="289.8" stroke="#e5e5e5" stroke-width="1"/>
          <line x1="321.47" y1="28.4" x2="321.47" y2="289.8" stroke="#e5e5e5" stroke-width="1"/>
          <line x1="416.73" y1="28.4" x2="416.73" y2="289.8" stroke="#e5e5e5" stroke-width="1"/>
          <line x1="511.99" y1="28.4" x2="511.99" y2="289.8" stroke="#e5e5e5" stroke-width="1"/>
          <line x1="35.68" y1="289.8" x2="511.99" y2="289.8" stroke="#e5e5e5" stroke-width="1"/>
          <line x1="35.68" y1="257.13" x2="511.99" y2="257.13" stroke="#e5e5e5" stroke-width="1"/>
          <line x1="35.68" y1="224.45" x2="511.99" y2="224.45" stroke="#e5e5e5" stroke-width="1"/>
          <line x1="35.68" y1="191.78" x2="511.99" y2="191.78" stroke="#e5e5e5" stroke-width="1"/>
          <line x1="35.68" y1="159.1" x2="511.99" y2="159.1" stroke="#e5e5e5" stroke-width="1"/>
          <line x1="35.68" y1="126.43" x2="511.99" y2="126.43" stroke="#e5e5e5" stroke-width="1"/>
          <line x1="35.68" y1="93.75" x2="511.99" y2="93.75" stroke="#e5e5e5" stroke-width="1"/>
          <line x1="35.68" y1="61.08" x2="511.99" y2="61.08" stroke="#e5e5e5" stroke-width="1"/>
          <line x1="35.68" y1="28.4" x2="511.99" y2="28.4" stroke="#e5e5e5" stroke-width="1"/>
          <rect x="35.68" y="28.4" width="476.31" height="261.4" fill="none" stroke="#888888" stroke-width="1"/>
          <line x1="35.68" y1="289.8" x2="35.68" y2="294.8" stroke="#222222" stroke-width="1"/>
          <text x="35.68" y="307" font-size="12" text-anchor="middle">1</text>
          <line x1="130.94" y1="289.8" x2="130.94" y2="294.8" stroke="#222222" stroke-width="1"/>
          <text x="130.94" y="307" font-size="12" text-anchor="middle">1.2</text>
          <line x1="226.21" y1="289.8" x2="226.21" y2="294.8" stroke="#222222" stroke-width="1"/>
          <text x="226.21" y="307" font-size="12" text-anchor="middle">1.4</text>
          <line x1="321.47" y1="289.8" x2="321.47" y2="294.8" stroke="#222222" stroke-width="1"/>
          <text x="321.47" y="307" font-size="12" text-anchor="middle">1.6</text>
          <line x1="416.73" y1="289.8" x2="416.73" y2="294.8" stroke="#222222" stroke-width="1"/>
          <text x="416.73" y="307" font-size="12" text-anchor="middle">1.8</text>
          <line x1="511.99" y1="289.8" x2="511.99" y2="294.8" stroke="#222222" stroke-width="1"/>
          <text x="511.99" y="307" font-size="12" text-anchor="middle">2</text>
          <line x1="30.68" y1="289.8" x2="35.68" y2="289.8" stroke="#222222" stroke-width="1"/>
          <text x="28.68" y="294" font-size="12" text-anchor="end">0.4</text>
          <line x1="30.68" y1="257.13" x2="35.68" y2="257.13" stroke="#222222" stroke-width="1"/>
          <text x="28.68" y="261.33" font-size="12" text-anchor="end">0.6</text>
          <line x1="30.68" y1="224.45" x2="35.68" y2="224.45" stroke="#222222" stroke-width="1"/>
          <text x="28.68" y="228.65" font-size="12" text-anchor="end">0.8</text>
          <line x1="30.68" y1="191.78" x2="35.68" y2="191.78" stroke="#222222" stroke-width="1"/>
          <text x="28.68" y="195.98" font-size="12" text-anchor="end">1</text>
          <line x1="30.68" y1="159.1" x2="35.68" y2="159.1" stroke="#222222" stroke-width="1"/>
          <text x="28.68" y="163.3" font-size="12" text-anchor="end">1.2</text>
          <line x1="30.68" y1="126.43" x2="35.68" y2="126.43" stroke="#222222" stroke-width="1"/>
          <text x="28.68" y="130.63" font-size="12" text-anchor="end">1.4</text>
          <line x1="30.68" y1="93.75" x2="35.68" y2="93.75" stroke="#222222" stroke-width="1"/>
          <text x="28.68" y="97.95" font-size="12" text-anchor="end">1.6</text>
          <line x1="30.68" y1="61.08" x2="35.68" y2="61.08" stroke="#222222" stroke-width="1"/>
          <text x="28.68" y="65.28" font-size="12" text-anchor="end">1.8</text>
          <line x1="30.68" y1="28.4" x2="35.68" y2="28.4" stroke="#222222" stroke-width="1"/>
          <text x="28.68" y="32.6" font-size="12" text-anchor="end">2</text>
          <text x="273.84" y="326.02" font-size="13.2" text-anchor="middle">step</text>
          <text x="273.84" y="20.4" font-size="14.4" text-anchor="middle" font-weight="bold">loss</text>
          <g clip-path="url(#s849cc1de-c1)">
            <path d="M35.68 28.4L511.99 110.09" fill="none" stroke="#e69f00" stroke-width="2" stroke-linejoin="round"/>
            <path d="M35.68 191.78L511.99 273.46" fill="none" stroke="#56b4e9" stroke-width="2" stroke-linejoin="round"/>
          </g>
          <line x1="527.99" y1="36.65" x2="543.99" y2="36.65" stroke="#e69f00" stroke-width="2.5"/>
          <text x="549.99" y="40.5" font-size="11">lr=0.01</text>
          <line x1="527.99" y1="53.15" x2="543.99" y2="53.15" stroke="#56b4e9" stroke-width="2.5"/>
          <text x="549.99" y="57" font-size="11">lr=0.1</text>
        </svg>
        </figure>
        </div>
        """#
}
