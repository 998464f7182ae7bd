//! Colour science for the palettes' tests: CIELAB lightness and differences, WCAG contrast,
//! and how colours look under the three common colour-vision deficiencies.

/// An sRGB colour, 8 bits a channel.
pub type Rgb = [u8; 3];

/// An sRGB channel (0–255) as linear light (0–1).
fn linear(v: u8) -> f64 {
    let v = v as f64 / 255.0;
    if v <= 0.04045 {
        v / 12.92
    } else {
        ((v + 0.055) / 1.055).powf(2.4)
    }
}

/// Linear light (0–1, clamped) as an sRGB channel (0–255).
fn encode(v: f64) -> u8 {
    let v = v.clamp(0.0, 1.0);
    let s = if v <= 0.003_130_8 {
        12.92 * v
    } else {
        1.055 * v.powf(1.0 / 2.4) - 0.055
    };
    (s * 255.0).round() as u8
}

/// WCAG relative luminance (0 black to 1 white).
pub fn luminance(c: Rgb) -> f64 {
    0.2126 * linear(c[0]) + 0.7152 * linear(c[1]) + 0.0722 * linear(c[2])
}

/// WCAG contrast ratio of two opaque colours (1 to 21).
pub fn contrast_ratio(a: Rgb, b: Rgb) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// CIELAB (D65 white): `[L*, a*, b*]`, L* from 0 (black) to 100 (white).
pub fn lab(c: Rgb) -> [f64; 3] {
    let [r, g, b] = c.map(linear);
    let x = 0.412_456_4 * r + 0.357_576_1 * g + 0.180_437_5 * b;
    let y = 0.212_672_9 * r + 0.715_152_2 * g + 0.072_175_0 * b;
    let z = 0.019_333_9 * r + 0.119_192 * g + 0.950_304_1 * b;
    let f = |t: f64| {
        if t > 216.0 / 24_389.0 {
            t.cbrt()
        } else {
            (24_389.0 / 27.0 * t + 16.0) / 116.0
        }
    };
    let (fx, fy, fz) = (f(x / 0.950_47), f(y), f(z / 1.088_83));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

/// The CIE 1976 colour difference ΔE*ab (about 2.3 is just noticeable; 10 and more is a
/// clearly different colour).
pub fn delta_e(a: Rgb, b: Rgb) -> f64 {
    let (p, q) = (lab(a), lab(b));
    ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2)).sqrt()
}

/// A colour-vision deficiency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deficiency {
    /// No working long-wavelength (red) cones.
    Protanopia,
    /// No working medium-wavelength (green) cones: the most common.
    Deuteranopia,
    /// No working short-wavelength (blue) cones.
    Tritanopia,
}

impl Deficiency {
    /// All three.
    pub const ALL: [Deficiency; 3] = [
        Deficiency::Protanopia,
        Deficiency::Deuteranopia,
        Deficiency::Tritanopia,
    ];

    /// Machado, Oliveira and Fernandes (2009), severity 1, on linear RGB.
    fn matrix(self) -> [[f64; 3]; 3] {
        match self {
            Deficiency::Protanopia => [
                [0.152_286, 1.052_583, -0.204_868],
                [0.114_503, 0.786_281, 0.099_216],
                [-0.003_882, -0.048_116, 1.051_998],
            ],
            Deficiency::Deuteranopia => [
                [0.367_322, 0.860_646, -0.227_968],
                [0.280_085, 0.672_501, 0.047_413],
                [-0.011_820, 0.042_940, 0.968_881],
            ],
            Deficiency::Tritanopia => [
                [1.255_528, -0.076_749, -0.178_779],
                [-0.078_411, 0.930_809, 0.147_602],
                [0.004_733, 0.691_367, 0.303_900],
            ],
        }
    }
}

/// How a colour looks to someone with a deficiency.
pub fn simulate(c: Rgb, d: Deficiency) -> Rgb {
    let l = c.map(linear);
    let m = d.matrix();
    [0, 1, 2].map(|i| encode(m[i][0] * l[0] + m[i][1] * l[1] + m[i][2] * l[2]))
}

/// The smallest difference (ΔE*ab) between any two colours of a palette, and the pair, as
/// seen with normal vision (`None`) or a deficiency.
pub fn closest_pair(palette: &[Rgb], seen: Option<Deficiency>) -> (f64, usize, usize) {
    let look = |c: Rgb| seen.map_or(c, |d| simulate(c, d));
    let mut best = (f64::INFINITY, 0, 0);
    for i in 0..palette.len() {
        for j in i + 1..palette.len() {
            let d = delta_e(look(palette[i]), look(palette[j]));
            if d < best.0 {
                best = (d, i, j);
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::CATEGORIES;

    #[test]
    fn known_values() {
        let close = |a: [f64; 3], b: [f64; 3]| (0..3).all(|i| (a[i] - b[i]).abs() < 0.05);
        assert!(
            close(lab([255, 255, 255]), [100.0, 0.0, 0.0]),
            "{:?}",
            lab([255; 3])
        );
        assert!(close(lab([0, 0, 0]), [0.0, 0.0, 0.0]));
        // sRGB red, green and a mid grey, as colour references give them.
        assert!(
            close(lab([255, 0, 0]), [53.24, 80.09, 67.20]),
            "{:?}",
            lab([255, 0, 0])
        );
        assert!(
            close(lab([0, 255, 0]), [87.73, -86.18, 83.18]),
            "{:?}",
            lab([0, 255, 0])
        );
        assert!((lab([119, 119, 119])[0] - 50.0).abs() < 0.3);
        assert!((contrast_ratio([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 1e-9);
        // WCAG's own example: #777777 on white is 4.48:1, just under AA.
        assert!((contrast_ratio([0x77; 3], [255; 3]) - 4.48).abs() < 0.01);
        // Greys and white look the same to everyone; pure red and green do not to a
        // protanope or deuteranope.
        for d in Deficiency::ALL {
            assert_eq!(simulate([255; 3], d), [255; 3]);
            assert_eq!(simulate([0; 3], d), [0; 3]);
        }
        let (r, g) = ([200, 40, 40], [40, 160, 40]);
        assert!(delta_e(r, g) > 80.0);
        assert!(
            delta_e(
                simulate(r, Deficiency::Deuteranopia),
                simulate(g, Deficiency::Deuteranopia)
            ) < 30.0,
            "red and green come close for a deuteranope"
        );
    }

    /// The event categories' colours (Okabe–Ito) stay apart for everyone: no two closer than
    /// ΔE*ab 15 with normal vision or with any of the three deficiencies.
    #[test]
    fn event_categories_are_told_apart_under_colour_vision_deficiencies() {
        let palette: Vec<Rgb> = CATEGORIES.iter().map(|c| c.2).collect();
        for seen in [None].into_iter().chain(Deficiency::ALL.map(Some)) {
            let (d, i, j) = closest_pair(&palette, seen);
            assert!(
                d >= 15.0,
                "{} and {} are ΔE {d:.1} apart with {seen:?}",
                CATEGORIES[i].1,
                CATEGORIES[j].1
            );
        }
        // The test can fail: Okabe–Ito's blue and a slightly lighter blue are too close.
        let mut near = palette.clone();
        near[5] = [20, 120, 185];
        assert!(closest_pair(&near, None).0 < 15.0);
    }
}
